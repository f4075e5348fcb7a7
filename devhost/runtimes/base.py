"""What the devhost's LMS and Studio runtimes share: real keys, the platform's handler URLs, its JS runtime."""
from django.templatetags.static import static
from django.urls import reverse
from opaque_keys.edx.keys import CourseKey, UsageKey
from workbench.runtime import WorkbenchRuntime
from xblock.exceptions import NoSuchDefinition, NoSuchUsage
from xblock.fields import ScopeIds
from xblock.runtime import Runtime

from devhost.xblock_services.i18n import LmsI18nServiceMixin

JS_RUNTIME = "devhost/js/xblock_runtime.js"


class PlatformRuntime(LmsI18nServiceMixin, WorkbenchRuntime):
    """
    The workbench runtime for one user in one course, giving blocks what every platform runtime
    does: a ``UsageKey`` as usage id (``block.location``, ``block.context_key``), ``course_id``, and
    handler URLs of the platform's shape, which the page's JS runtime builds the same way, and the
    ``i18n`` service made for each block as the platform makes it (``devhost.xblock_services``).
    """

    handler_url_name = ""  # the URL name of the platform view that runs this runtime's handlers
    js_runtime_class = ""  # what the JS runtime reads to build the same URLs in the browser

    def __init__(self, user, course_key: CourseKey, *, field_data, services: dict):
        super().__init__(user.id)
        self.django_user = user
        self.course_id = course_key
        self._services.update(services)
        self._services["field-data"] = field_data

    def get_block(self, usage_id, for_parent=None):
        """The block of a workbench usage id or of the ``UsageKey`` that stands for it in this course."""
        if isinstance(usage_id, UsageKey):
            if usage_id.course_key != self.course_id:
                raise NoSuchUsage(repr(usage_id))
            workbench_id, expected_type = usage_id.block_id, usage_id.block_type
        else:
            workbench_id, expected_type = usage_id, None
        def_id = self.id_reader.get_definition_id(workbench_id)
        try:
            block_type = self.id_reader.get_block_type(def_id)
        except NoSuchDefinition as error:
            raise NoSuchUsage(repr(usage_id)) from error
        if expected_type not in (None, block_type):
            raise NoSuchUsage(repr(usage_id))
        usage_key = self.course_id.make_usage_key(block_type, workbench_id)
        block = self.construct_xblock(block_type, ScopeIds(self.django_user.id, block_type, def_id, usage_key),
                                      for_parent=for_parent)
        self._patch_xblock(block)
        return block

    def _patch_xblock(self, block):
        """What the platform's XModuleMixin gives every block: ``location`` and ``course_id``."""
        block.location = block.scope_ids.usage_id
        block.course_id = self.course_id

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        url = reverse(self.handler_url_name, kwargs=self.handler_url_kwargs(block, handler_name, suffix)).rstrip("/")
        return f"{url}?{query}" if query else url

    def handler_url_kwargs(self, block, handler_name: str, suffix: str) -> dict:
        return {"usage_key_string": str(block.scope_ids.usage_id), "handler": handler_name, "suffix": suffix}

    def _wrap_ele(self, block, view, frag, extra_data=None):
        """The platform's wrapper attributes, jQuery (every platform page has it) and the JS runtime."""
        data = {**(extra_data or {}), "usage-id": str(block.scope_ids.usage_id), "course-id": str(self.course_id),
                "runtime-class": self.js_runtime_class}
        wrapped = Runtime._wrap_ele(self, block, view, frag, data)  # not the workbench's own JS runtime
        wrapped.add_resource_url(static("workbench/js/vendor/jquery.min.js"), "application/javascript",
                                 placement="head")
        if frag.js_init_fn:
            wrapped.add_javascript_url(static(JS_RUNTIME))
        return wrapped
