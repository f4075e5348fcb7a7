"""
The devhost's demo union tree and cadres: a province federation, its cities, their districts and
grassroots unions, and about 300 cadres whose training this year puts many of them in every
compliance status (met, on track, at risk, overdue), with last year's record as well, and a few
cadres appointed without an account yet (invited, some past the deadline to register).

Everything goes through ``credit_plugin.api`` the way an operator's data would: the tree and the
cadres through the cadre import (a generated CSV), the credits through ``bulk_record_entries``.
Deterministic (``random.Random`` with fixed seeds) and safe to run again: cadres already there are
left as they are, and a cadre's year that already has credits gets no more.
"""
import csv
import io
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from credit_plugin import api

SEED = 370000
RECORDED_BY = "seed_demo"
KEY_PREFIX = "devhost-demo"
USERNAME_PREFIX = "demo_cadre_"
HALF = Decimal("0.5")

PROVINCE = ("370000", "山东省总工会")
# (code, name, districts); district codes are the real administrative codes.
CITIES = (
    ("370100", "济南市总工会", (("370102", "历下区总工会"), ("370103", "市中区总工会"), ("370112", "历城区总工会"))),
    ("370200", "青岛市总工会", (("370202", "市南区总工会"), ("370203", "市北区总工会"), ("370211", "黄岛区总工会"))),
    ("370300", "淄博市总工会", (("370302", "淄川区总工会"), ("370303", "张店区总工会"))),
    ("370600", "烟台市总工会", (("370602", "芝罘区总工会"), ("370613", "莱山区总工会"))),
)
# Grassroots unions get a workplace from here (the district's name in front).
WORKPLACES = (
    "第一中学", "人民医院", "机械制造有限公司", "商贸集团", "建筑工程有限公司", "物流园区", "社区卫生服务中心",
    "纺织有限公司", "供电中心", "公交集团分公司", "实验小学", "食品有限公司", "市政工程有限公司", "化工有限公司",
)
# The demo learner (王小纲) serves in the first grassroots union of 历下区, inside org_admin's city.
LEARNER_UNION = "370102001"
LEARNER_ROW = {
    "用户名": "learner", "姓名": "王小纲", "邮箱": "learner@example.com", "所属组织代码": LEARNER_UNION,
    "职务": "工会委员", "干部类别": "兼职", "任职日期": "2023-03-01", "注册日期": "2023-03-06",
    "工号": "", "手机号": "13805310001", "状态": "在职",
}

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
    "潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文斌辉鹏宇浩红玲晨婷雪琳海波峰亮欣怡志红梅林春燕凯颖"
CATEGORY_LABELS = {"chair": "主席", "vice_chair": "副主席", "full_time": "专职", "part_time": "兼职"}
POSITIONS = {
    "chair": ("工会主席",),
    "vice_chair": ("工会副主席", "常务副主席"),
    "full_time": ("办公室主任", "组织部干事", "宣传部干事", "财务部部长", "女职工委员会主任", "经费审查委员会主任"),
    "part_time": ("工会委员", "工会小组长", "女职工委员", "兼职副主席"),
}
# Cadres of each organisation level: how many, and their categories (the rest are part-time).
CADRES_PER_LEVEL = {"province": (6, 6), "city": (4, 4), "district": (5, 5), "grassroots": (7, 11)}
STATUS_WEIGHTS = {"met": 25, "on_track": 30, "at_risk": 25, "overdue": 20}
LEFT_OFFICE_SHARE = 0.02
REGISTERED_LATE_MAX_DAYS = 60

# (title, source kind, reference code, credits); hours follow at the targets' ratio (90 : 40).
CATALOGUE = (
    ("工会法与劳动法律法规", "online_course", "LAW101", 10),
    ("新时代工会工作理论与实践", "online_course", "THEORY201", 8),
    ("职工维权与劳动争议调解", "online_course", "RIGHTS110", 6),
    ("工会经费审查与财务管理", "online_course", "FIN120", 6),
    ("工会宣传与网上工会建设", "online_course", "MEDIA130", 4),
    ("女职工权益保护专题", "online_course", "WOMEN140", 4),
    ("安全生产与职业健康", "online_course", "SAFE150", 2),
    ("全省工会干部集中轮训", "offline_training", "ROTATION", 24),
    ("基层工会主席任职资格培训", "offline_training", "CHAIRS", 16),
    ("劳模工匠精神宣讲报告会", "offline_training", "MODELS", 4),
    ("工会知识年度考试", "offline_exam", "EXAM", 6),
)
LECTURE = ("工会干部网上专题讲座", "course_block")
LECTURE_MAX = 4


@dataclass(frozen=True)
class DemoCadre:
    username: str
    full_name: str
    organisation_code: str
    category: str
    position: str
    phone: str
    employee_number: str
    serving: bool
    status: str  # the status this year's plan aims at


# Appointed cadres without an account yet (decision 0024): invited by the seed, some past the 15 days
# to register. (name, organisation, days since taking office, e-mail, phone)
PENDING_CADRES = (
    ("赵新任", "370102", 2, "demo_new_1@example.com", ""),
    ("钱新任", "370103", 6, "demo_new_2@example.com", ""),
    ("孙新任", "370202", 11, "demo_new_3@example.com", ""),
    ("李新任", "370302", 14, "demo_new_4@example.com", ""),
    ("周新任", "370102", 17, "demo_new_5@example.com", ""),
    ("吴新任", "370602", 25, "", "13900139000"),
)


@dataclass(frozen=True)
class SeedResult:
    organisations: int
    cadres_created: int
    entries_recorded: int


def demo_organisations() -> list[tuple[str, str, str, str]]:
    """(code, name, level, parent code) of the whole tree, parents first."""
    rows = [(PROVINCE[0], PROVINCE[1], "province", "")]
    places = random.Random(SEED)
    for city_code, city_name, districts in CITIES:
        rows.append((city_code, city_name, "city", PROVINCE[0]))
        for district_code, district_name in districts:
            rows.append((district_code, district_name, "district", city_code))
            short = district_name.removesuffix("总工会")
            for number, workplace in enumerate(places.sample(WORKPLACES, places.choice((2, 3))), start=1):
                rows.append((f"{district_code}{number:03d}", f"{short}{workplace}工会", "grassroots", district_code))
    return rows


def demo_cadres() -> list[DemoCadre]:
    """Every demo cadre (the learner aside): who they are, where they serve and the status aimed at."""
    people = random.Random(SEED + 1)
    cadres = []
    for code, _name, level, _parent in demo_organisations():
        low, high = CADRES_PER_LEVEL[level]
        for slot in range(people.randint(low, high)):
            category = ("chair", "vice_chair")[slot] if slot < 2 and level == "grassroots" else (
                people.choice(("full_time", "full_time", "part_time")) if level != "grassroots"
                else people.choice(("full_time", "part_time", "part_time", "part_time"))
            )
            index = len(cadres) + 1
            cadres.append(DemoCadre(
                username=f"{USERNAME_PREFIX}{index:04d}",
                full_name=people.choice(SURNAMES) + "".join(people.choice(GIVEN) for _ in range(people.choice((1, 2)))),
                organisation_code=code, category=category, position=people.choice(POSITIONS[category]),
                phone="1" + people.choice("3578") + "".join(people.choice("0123456789") for _ in range(9)),
                employee_number=f"SD{index:05d}" if people.random() < 0.7 else "",
                serving=people.random() >= LEFT_OFFICE_SHARE,
                status=people.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0],
            ))
    return cadres


# --- Dates and credits ------------------------------------------------------------------------

def _registration_days() -> int:
    return int(getattr(settings, "CADRE_TRAINING_REGISTRATION_DAYS", 15))


def office_dates(cadre: DemoCadre, today: date) -> tuple[date, date]:
    """(took office, registered): overdue cadres took office this year and registered late."""
    rng = random.Random(f"{SEED}:{cadre.username}:office")
    new_year = date(today.year, 1, 1)
    days_this_year = (today - new_year).days
    if cadre.status == "overdue" and days_this_year >= 1:
        # The registration deadline fell this year, before today, and was missed.
        due = new_year + timedelta(days=rng.randrange(days_this_year))
        late = rng.randint(1, min(REGISTERED_LATE_MAX_DAYS, (today - due).days))
        return due - timedelta(days=_registration_days()), due + timedelta(days=late)
    if cadre.status != "overdue" and days_this_year >= 2 and rng.random() < 0.1:
        took = new_year + timedelta(days=rng.randrange(days_this_year - 1))
        return took, took + timedelta(days=rng.randint(0, min(_registration_days(), (today - took).days)))
    took = date(2012, 1, 1) + timedelta(days=rng.randrange((date(today.year - 1, 6, 30) - date(2012, 1, 1)).days))
    return took, took + timedelta(days=rng.randint(0, 10))


def share_elapsed(*, year: int, today: date, started_on: date) -> Decimal:
    """Share of ``year`` gone by the end of ``today``, counted from ``started_on`` or 1 January (the pace)."""
    first, last = max(date(year, 1, 1), started_on), date(year, 12, 31)
    if today >= last:
        return Decimal(1)
    if today < first:
        return Decimal(0)
    return Decimal((today - first).days + 1) / Decimal((last - first).days + 1)


def _half_up(value: Decimal) -> Decimal:
    return (value / HALF).to_integral_value(ROUND_CEILING) * HALF


def _half_down(value: Decimal) -> Decimal:
    return (value / HALF).to_integral_value(ROUND_FLOOR) * HALF


def planned_credits(aim: str, *, target: Decimal, expected: Decimal, rng: random.Random) -> Decimal:
    """This year's credits for a cadre aiming at ``aim``, against the pace ``expected`` by now."""
    if aim == "met":
        return target + _half_down(Decimal(rng.randint(0, 60)) / 2)
    if aim == "on_track":  # at or a little ahead of the pace (so it stays on track for a while), short of the target
        ceiling = target - HALF
        ahead = min(expected * Decimal("0.4"), max(ceiling - expected, Decimal(0)))
        return min(max(_half_up(expected + ahead * Decimal(rng.random())), HALF), ceiling)
    if aim == "at_risk":  # well behind the pace (below 80 % of it is at risk)
        return _half_down(expected * Decimal(rng.uniform(0, 0.6)))
    return _half_down(expected * Decimal(rng.uniform(0, 1.2)))  # overdue: a missed deadline, whatever the pace


def year_credits(cadre: DemoCadre, *, took_office: date, year: int, today: date, target: Decimal,
                 rng: random.Random) -> Decimal:
    """A cadre's credits in ``year``: this year's by the status aimed at; last year's mostly met, some short."""
    if year < today.year:
        if rng.random() < 0.8:
            return planned_credits("met", target=target, expected=target, rng=rng)
        return _half_down(target * Decimal(rng.uniform(0.4, 0.95)))
    expected = target * share_elapsed(year=year, today=today, started_on=took_office)
    registration_due = took_office + timedelta(days=_registration_days())
    # An overdue cadre whose deadline is not this year (seeded in an earlier year): behind pace instead.
    aim = "at_risk" if cadre.status == "overdue" and registration_due.year != year else cadre.status
    return planned_credits(aim, target=target, expected=expected, rng=rng)


def split_credits(total: Decimal, rng: random.Random) -> list[tuple[str, str, str, Decimal]]:
    """(title, source kind, reference code, credits) entries adding up to ``total``, no course twice."""
    parts, remaining = [], total
    for title, kind, code, credits in rng.sample(CATALOGUE, len(CATALOGUE)):
        if credits <= remaining:
            parts.append((title, kind, code, Decimal(credits)))
            remaining -= credits
    lecture = 1
    while remaining > 0:
        credits = min(remaining, Decimal(LECTURE_MAX))
        parts.append((f"{LECTURE[0]}（第{lecture}讲）", LECTURE[1], f"LECTURE{lecture}", credits))
        remaining -= credits
        lecture += 1
    return parts


def _reference(kind: str, code: str, year: int) -> str:
    if kind == "online_course":
        return f"course-v1:SDFTU+{code}+{year}"
    if kind == "course_block":
        return f"block-v1:SDFTU+LECTURE+{year}+type@video+block@{code.lower()}"
    return f"SDFTU-{year}-{code}"


def year_entries(*, user_id: int, username: str, credits: Decimal, year: int, start: datetime, end: datetime,
                 hour_ratio: Decimal, rng: random.Random) -> list[api.NewLedgerEntry]:
    """The ledger entries of one cadre's year, earned at moments between ``start`` and ``end``."""
    span = max(int((end - start).total_seconds()), 1)
    moments = sorted(start + timedelta(seconds=rng.randrange(span)) for _ in range(64))
    parts = split_credits(credits, rng)
    picked = sorted(rng.sample(moments, len(parts))) if len(parts) <= len(moments) else [end] * len(parts)
    return [
        api.NewLedgerEntry(
            user_id=user_id, credits=part_credits, hours=_half_up(part_credits * hour_ratio), earned_at=moment,
            source_kind=kind, reference=_reference(kind, code, year), title=title, recorded_by=RECORDED_BY,
            idempotency_key=f"{KEY_PREFIX}:{username}:{year}:{number}",
        )
        for number, ((title, kind, code, part_credits), moment) in enumerate(zip(parts, picked, strict=True), 1)
    ]


# --- Seeding ----------------------------------------------------------------------------------

def _csv(header: list[str], rows: list[dict | tuple]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row[column] for column in header] if isinstance(row, dict) else row)
    return buffer.getvalue().encode("utf-8")


def _import(data: bytes, filename: str) -> None:
    result = api.import_cadres(data=data, filename=filename, dry_run=False, create_users=True)
    if result.errors:
        problems = "; ".join(f"row {error.row}, {error.column}: {error.message}" for error in result.errors[:5])
        raise RuntimeError(f"The demo {filename} did not import: {problems}")


def seed_demo_cadres(*, today: date | None = None) -> SeedResult:
    """Create the demo tree and cadres (those not there yet) and give each year without credits its entries."""
    time_zone = ZoneInfo(api.credit_policy().time_zone)
    now = timezone.now()
    today = today or now.astimezone(time_zone).date()
    organisations = demo_organisations()
    _import(_csv(["组织代码", "组织名称", "级别", "上级代码"],
                 [(code, name, {"province": "省", "city": "市", "district": "区县", "grassroots": "基层"}[level],
                   parent) for code, name, level, parent in organisations]), "demo_organisations.csv")

    cadres = demo_cadres()
    user_model = get_user_model()
    existing = set(user_model.objects.filter(username__startswith=USERNAME_PREFIX).values_list("username", flat=True))
    dates = {cadre.username: office_dates(cadre, today) for cadre in cadres}
    header = list(LEARNER_ROW)
    rows = [LEARNER_ROW] + [{
        "用户名": cadre.username, "姓名": cadre.full_name, "邮箱": f"{cadre.username}@example.com",
        "所属组织代码": cadre.organisation_code, "职务": cadre.position, "干部类别": CATEGORY_LABELS[cadre.category],
        "任职日期": dates[cadre.username][0].isoformat(), "注册日期": dates[cadre.username][1].isoformat(),
        "工号": cadre.employee_number, "手机号": cadre.phone, "状态": "在职" if cadre.serving else "离任",
    } for cadre in cadres if cadre.username not in existing]
    _import(_csv(header, rows), "demo_cadres.csv")
    _import(_csv(["姓名", "组织代码", "干部类别", "职务", "任职日期", "邮箱", "手机号"], [
        (name, code, "主席", "工会主席", (today - timedelta(days=days)).isoformat(), email, phone)
        for name, code, days, email, phone in PENDING_CADRES
    ]), "demo_pending_cadres.csv")

    user_ids = dict(user_model.objects.filter(username__startswith=USERNAME_PREFIX).values_list("username", "id"))
    took_office = {cadre.username: api.cadre_profile(user_id=user_ids[cadre.username]).took_office_on
                   for cadre in cadres if cadre.serving}
    entries = []
    for year in (today.year - 1, today.year):
        entries.extend(_entries_of_year(cadres, user_ids, took_office, year=year, today=today, now=now,
                                        time_zone=time_zone))
    recorded = api.bulk_record_entries(entries=entries).recorded if entries else 0
    return SeedResult(organisations=len(organisations), cadres_created=len(rows) - 1, entries_recorded=recorded)


def _entries_of_year(cadres, user_ids, took_office, *, year, today, now, time_zone):
    """Entries for the cadres' ``year`` (this one, or last: mostly met, some short), unless it has credits."""
    policy = api.credit_policy()
    target, ratio = policy.yearly_credits, policy.yearly_hours / policy.yearly_credits
    already = api.year_totals(year=year, user_ids=user_ids.values())
    end = min(now, datetime.combine(min(today, date(year, 12, 31)), time(20, 0), time_zone))
    for cadre in cadres:
        user_id = user_ids[cadre.username]
        if not cadre.serving or user_id in already or took_office[cadre.username] > date(year, 12, 31):
            continue
        took = took_office[cadre.username]
        rng = random.Random(f"{SEED}:{cadre.username}:{year}")
        credits = year_credits(cadre, took_office=took, year=year, today=today, target=target, rng=rng)
        if credits <= 0:
            continue
        start = datetime.combine(max(date(year, 1, 1), took), time(8, 0), time_zone)
        yield from year_entries(user_id=user_id, username=cadre.username, credits=credits, year=year, start=start,
                                end=max(end, start + timedelta(minutes=1)), hour_ratio=ratio, rng=rng)
