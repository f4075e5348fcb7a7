"""What REST API v1 answers, written by DRF serializers from the plugin's data classes."""
from rest_framework import serializers


class PrivacyPolicySerializer(serializers.Serializer):
    min_group_size = serializers.IntegerField(help_text="Filtered results of fewer respondents are hidden.")
    max_text_length = serializers.IntegerField(help_text="Longest free-text answer accepted, in characters.")


class TopicDemandSerializer(serializers.Serializer):
    code = serializers.CharField(source="topic.code")
    name = serializers.CharField(source="topic.name")
    requests = serializers.IntegerField(help_text="Respondents who asked for the topic.")
    first_choice = serializers.IntegerField(help_text="Respondents who ranked it first.")
    resources = serializers.IntegerField(help_text="Courses and units linked to the topic.")
    gap = serializers.BooleanField(help_text="In demand with fewer linked resources than the gap threshold.")


class DemandRankingSerializer(serializers.Serializer):
    respondents = serializers.IntegerField()
    hidden = serializers.BooleanField(help_text="Fewer respondents than the privacy threshold: no topics are given.")
    topics = TopicDemandSerializer(many=True)
