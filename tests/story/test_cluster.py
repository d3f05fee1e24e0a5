"""Story clustering: same story across outlets together, other stories apart, copies follow."""

from __future__ import annotations

from marsad.story.cluster import ClusterOptions, StoryInput, cluster_documents

FLOOD = [
    ("flood-1", "2024-04-02",
     "غمرت السيول أحياء واسعة من مدينة كسلا بعد انهيار جزء من السد الترابي على نهر القاش، "
     "وقال والي كسلا إن المياه دمرت مئات المنازل وأجبرت آلاف العائلات على النزوح إلى المدارس."),
    ("flood-2", "2024-04-03",
     "ارتفع عدد المنازل المدمرة في كسلا إلى ألفي منزل بحسب مكتب الأمم المتحدة لتنسيق الشؤون "
     "الإنسانية، فيما تواصل مياه نهر القاش تدفقها نحو الأحياء الشرقية بعد انهيار السد الترابي."),
    ("flood-3", "2024-04-05",
     "وصلت أولى قوافل الإغاثة إلى كسلا حيث يقيم النازحون من فيضان نهر القاش في المدارس، "
     "وحذرت منظمات إنسانية من تفشي الكوليرا بين العائلات التي فقدت منازلها في السيول."),
]
TRUCE = [
    ("truce-1", "2024-03-10",
     "أعلنت اللجنة الدولية للصليب الأحمر إتمام عملية تبادل الأسرى بين الحكومة اليمنية "
     "وجماعة الحوثيين في مطار صنعاء، وشملت الصفقة أكثر من ثمانمئة أسير من الطرفين."),
    ("truce-2", "2024-03-11",
     "هبطت طائرات الصليب الأحمر في مطار صنعاء ومطار عدن حاملة الأسرى المفرج عنهم في صفقة "
     "التبادل بين الحوثيين والحكومة اليمنية، وقال مسؤول في اللجنة الدولية إن العملية "
     "استغرقت يومين."),
    ("truce-3", "2024-03-12",
     "رحب المبعوث الأممي إلى اليمن بنجاح صفقة تبادل الأسرى بين الحكومة والحوثيين التي "
     "أشرف عليها الصليب الأحمر، ودعا الطرفين إلى البناء عليها لتمديد الهدنة."),
]
OTHER = [
    ("market", "2024-04-03",
     "سجلت بورصة الدار البيضاء ارتفاعاً في تداولات الأسهم المصرفية خلال جلسة الأربعاء، "
     "وقال محللون إن نتائج الشركات الفصلية فاقت التوقعات."),
    ("football", "2024-03-11",
     "فاز المنتخب المغربي على نظيره التونسي بهدفين نظيفين في المباراة الودية التي أقيمت "
     "على ملعب الرباط، وسجل الهدفين مهاجم الفريق في الشوط الثاني."),
]


def _inputs(rows: list[tuple[str, str, str]]) -> list[StoryInput]:
    return [StoryInput(doc_id, text, published) for doc_id, published, text in rows]


def test_cluster_groups_each_story_and_keeps_others_apart() -> None:
    clusters = cluster_documents(_inputs(FLOOD + TRUCE + OTHER))
    as_sets = {frozenset(c) for c in clusters}
    assert frozenset(d for d, _, _ in FLOOD) in as_sets
    assert frozenset(d for d, _, _ in TRUCE) in as_sets
    assert frozenset({"market"}) in as_sets and frozenset({"football"}) in as_sets


def test_cluster_every_document_in_exactly_one_cluster() -> None:
    docs = _inputs(FLOOD + TRUCE + OTHER)
    clusters = cluster_documents(docs)
    members = [d for c in clusters for d in c]
    assert sorted(members) == sorted(d.doc_id for d in docs)


def test_cluster_syndicated_copy_follows_its_original() -> None:
    docs = _inputs(FLOOD + OTHER)
    docs.append(StoryInput("copy", OTHER[0][2], "2024-04-03", duplicate_of="market"))
    clusters = cluster_documents(docs)
    assert ["copy", "market"] in clusters


def test_cluster_shared_entities_pull_rewritten_reports_together() -> None:
    shared = ["e:minister", "e:plan"]
    a = StoryInput("a", "تحدث الوزير عن الخطة الجديدة للنقل.", "2024-01-01", shared)
    b = StoryInput("b", "ناقش البرلمان ميزانية المشروع.", "2024-01-02", shared)
    c = StoryInput("c", "افتتح معرض الكتاب أبوابه للزوار.", "2024-01-02", ["e:fair"])
    clusters = cluster_documents([a, b, c])
    assert ["a", "b"] in clusters


def test_cluster_is_deterministic() -> None:
    docs = _inputs(FLOOD + TRUCE + OTHER)
    assert cluster_documents(docs) == cluster_documents(list(reversed(docs)))


# Two events in one city on the same days: the city, its governor and its people are shared,
# the events are not.
FIRE = [
    ("fire-1", "2024-06-10", "حريق يلتهم مصنعاً لزيت الزيتون في المنطقة الصناعية بصفاقس",
     "اندلع حريق ضخم فجر الاثنين في مصنع لتعليب زيت الزيتون بالمنطقة الصناعية في صفاقس، "
     "وقال والي صفاقس إن الحماية المدنية سيطرت على النيران بعد خمس ساعات دون إصابات بشرية."),
    ("fire-2", "2024-06-10", "الحماية المدنية تخمد حريق مصنع الزيت في صفاقس",
     "أخمدت فرق الحماية المدنية حريقاً أتى على مخازن مصنع لزيت الزيتون في المنطقة الصناعية "
     "بصفاقس، وفتحت النيابة تحقيقاً في أسباب الحريق الذي دمر آلاف الصفائح المعدة للتصدير."),
    ("fire-3", "2024-06-11", "خسائر بالملايين في حريق مصنع زيت الزيتون بصفاقس",
     "قدر صاحب مصنع زيت الزيتون الذي احترق في صفاقس خسائره بملايين الدنانير، فيما رجحت "
     "الحماية المدنية أن يكون تماس كهربائي في المخازن وراء اندلاع الحريق."),
]
FESTIVAL = [
    ("fest-1", "2024-06-10", "انطلاق مهرجان صفاقس الدولي للفنون بحضور الوالي",
     "افتتح والي صفاقس مساء الاثنين الدورة الجديدة من مهرجان صفاقس الدولي للفنون على المسرح "
     "الصيفي، بعرض موسيقي لفرقة المدينة وسط حضور جماهيري كبير."),
    ("fest-2", "2024-06-11", "عروض موسيقية ومسرحية في افتتاح مهرجان صفاقس الدولي",
     "شهد المسرح الصيفي في صفاقس افتتاح المهرجان الدولي للفنون بعروض موسيقية ومسرحية، وقالت "
     "مديرة المهرجان إن البرنامج يضم ثلاثين عرضاً على مدى أسبوعين."),
    ("fest-3", "2024-06-11", "مهرجان صفاقس الدولي للفنون يفتتح دورته بحضور جماهيري",
     "توافد الجمهور على المسرح الصيفي بصفاقس لحضور حفل افتتاح مهرجان صفاقس الدولي للفنون، "
     "وتتواصل عروض المهرجان الموسيقية والمسرحية حتى نهاية الشهر."),
]


def _titled(rows: list[tuple[str, str, str, str]]) -> list[StoryInput]:
    return [StoryInput(doc_id, text, published, title=title)
            for doc_id, published, title, text in rows]


def test_cluster_two_events_in_one_city_on_the_same_days_stay_apart() -> None:
    clusters = {frozenset(c) for c in cluster_documents(_titled(FIRE + FESTIVAL))}
    assert frozenset(d for d, *_ in FIRE) in clusters
    assert frozenset(d for d, *_ in FESTIVAL) in clusters


def test_cluster_same_topic_weeks_apart_stays_apart() -> None:
    # The same kind of news about the same factory, three weeks later, is another story.
    later = [(d + "-later", "2024-07-01", title, text) for d, _, title, text in FIRE[:2]]
    clusters = {frozenset(c) for c in cluster_documents(_titled(FIRE[:2] + later))}
    assert frozenset({"fire-1", "fire-2"}) in clusters
    assert frozenset({"fire-1-later", "fire-2-later"}) in clusters


def test_cluster_undated_documents_still_cluster() -> None:
    docs = [StoryInput(d, text, None) for d, _, text in TRUCE] + _inputs(OTHER)
    clusters = {frozenset(c) for c in cluster_documents(docs)}
    assert frozenset(d for d, _, _ in TRUCE) in clusters
    assert frozenset({"market"}) in clusters and frozenset({"football"}) in clusters


def test_story_terms_pairs_adjacent_content_words_only() -> None:
    from marsad.story.cluster import story_terms

    terms = story_terms("أعلنت قوات الطوارئ، في بيان، انتهاء العملية.")
    assert terms["قوات طوارئ"] == 1  # the article is dropped from the pair as from the word
    assert not any(" " in t and "بيان" in t for t in terms)  # punctuation breaks pairs


# One spokesman, one city, one day, one closing template; two events. Each report repeats
# the boilerplate of the civil defence statement, so the two events look alike in absolute
# terms; the reports of one event are far more alike among themselves.
_TEMPLATE = "وأهابت المديرية بالمواطنين الالتزام بإرشادات السلامة العامة."
WAREHOUSE = [
    ("store-1", "2024-08-14", "حريق في مستودع للأخشاب في سحاب",
     "قال الناطق باسم الدفاع المدني في عمان إن فرق الإطفاء أخمدت حريقاً شب في مستودع للأخشاب "
     "في منطقة سحاب الصناعية واستمر ثلاث ساعات، دون تسجيل إصابات. " + _TEMPLATE),
    ("store-2", "2024-08-14", "إخماد حريق مستودع أخشاب بسحاب بعد ثلاث ساعات",
     "أخمدت فرق الإطفاء حريقاً في مستودع للأخشاب بمنطقة سحاب الصناعية بعد ثلاث ساعات من "
     "اندلاعه، وقال الناطق باسم الدفاع المدني إن الحريق لم يوقع إصابات. " + _TEMPLATE),
    ("store-3", "2024-08-15", "الدفاع المدني: حريق مستودع الأخشاب في سحاب دون إصابات",
     "لم يسفر الحريق الذي اندلع في مستودع للأخشاب في سحاب الصناعية عن إصابات، بحسب الناطق "
     "باسم الدفاع المدني الذي قال إن الإطفائيين سيطروا عليه بعد ثلاث ساعات. " + _TEMPLATE),
]
BUS = [
    ("bus-1", "2024-08-14", "إصابة 17 راكباً بانقلاب حافلة على طريق المطار",
     "قال الناطق باسم الدفاع المدني في عمان إن 17 راكباً أصيبوا بجروح متوسطة إثر انقلاب حافلة "
     "نقل عام على طريق المطار، ونقلتهم سيارات الإسعاف إلى مستشفى البشير. " + _TEMPLATE),
    ("bus-2", "2024-08-14", "انقلاب حافلة ركاب على طريق المطار ونقل المصابين إلى البشير",
     "نقلت سيارات الإسعاف 17 مصاباً إلى مستشفى البشير بعد انقلاب حافلة للنقل العام على طريق "
     "المطار، وقال الناطق باسم الدفاع المدني إن إصاباتهم متوسطة. " + _TEMPLATE),
    ("bus-3", "2024-08-15", "17 مصاباً في حادث حافلة النقل العام على طريق المطار",
     "أصيب 17 راكباً في حادث انقلاب حافلة نقل عام على طريق المطار، بحسب الناطق باسم الدفاع "
     "المدني الذي قال إن المصابين نقلوا إلى مستشفى البشير وحالتهم متوسطة. " + _TEMPLATE),
]


def test_cluster_two_events_of_one_statement_template_stay_apart() -> None:
    clusters = {frozenset(c) for c in cluster_documents(_titled(WAREHOUSE + BUS))}
    assert frozenset(d for d, *_ in WAREHOUSE) in clusters
    assert frozenset(d for d, *_ in BUS) in clusters


def test_cluster_cohesion_guard_is_what_keeps_template_events_apart() -> None:
    loose = ClusterOptions(cohesion_ratio=0.0)
    clusters = cluster_documents(_titled(WAREHOUSE + BUS), loose)
    assert len(clusters) == 1  # without the guard, the shared template joins the two events


def test_story_terms_numbers_are_features_digits_of_any_script() -> None:
    from marsad.story.cluster import story_terms

    terms = story_terms("وصلت السفينة محملة بـ ٣٥٤٠ طناً و7 شاحنات في 2015")
    assert terms["#3540"] == 1 and terms["#2015"] == 1
    assert "#7" not in terms  # one digit: too common to name an event
    assert "محمله طنا" not in terms and "طنا شاحنات" not in terms  # a number breaks pairs


# One event told twice in other words: what the reports share is its facts, the port, the
# ship and its numbers.
SHIP = [
    ("ship-1", "2024-05-02", "سفينة مساعدات تفرغ حمولتها في ميناء الحديدة",
     "رست في ميناء الحديدة سفينة تحمل 4250 طناً من القمح و380 طناً من الأدوية، وبدأ عمال "
     "الميناء تفريغها تمهيداً لتوزيعها على المحافظات الشمالية."),
    ("ship-2", "2024-05-03", "باخرة البرنامج الأممي في الحديدة",
     "أعلن برنامج الغذاء أن باخرة استأجرها أوصلت إلى الحديدة شحنة قوامها 4250 طناً من "
     "الحبوب و380 طناً من العقاقير، على أن يبدأ التوزيع الأسبوع المقبل."),
]


def test_cluster_rewritten_reports_sharing_their_numbers_join() -> None:
    clusters = cluster_documents(_titled(SHIP + OTHER_TITLED))
    assert ["ship-1", "ship-2"] in clusters
    without_numbers = [(d, day, title, text.replace("4250", "").replace("380", ""))
                       for d, day, title, text in SHIP]
    assert ["ship-1", "ship-2"] not in cluster_documents(_titled(without_numbers + OTHER_TITLED))


OTHER_TITLED = [(d, day, "", text) for d, day, text in OTHER]


# One relief body, one route, one press-release template, two convoys a day apart: only the
# ordinal and the tonnage tell the two events apart, and every outlet copies the template.
def _convoy(ordinal: str, tons: str, opening: str = "") -> str:
    return (opening + "تنفيذاً لتوجيهات القيادة بدعم سكان المحافظة المتضررين من انقطاع "
            "الإمدادات، وبإشراف مباشر من هيئة الإغاثة الوطنية، انطلقت صباح اليوم من مستودعات "
            f"الهيئة في مدينة الزرقاء القافلة {ordinal} المحملة بـ{tons} طناً من المواد الغذائية "
            "والطبية متجهة إلى مدينة معان، على أن يتولى متطوعو الهلال الأحمر توزيعها على الأسر "
            "المحتاجة في الأحياء الجنوبية.")


FOURTH = [
    ("c4-1", "2024-02-06", "انطلاق القافلة الرابعة إلى معان", _convoy("الرابعة", "40")),
    ("c4-2", "2024-02-06", "القافلة الإغاثية الرابعة تتجه إلى معان",
     _convoy("الرابعة", "40", "الزرقاء - وكالات: ")),
    ("c4-3", "2024-02-07", "انطلاق القافلة الرابعة لمعان", _convoy("الرابعة", "40", "عمان: ")),
]
FIFTH = [
    ("c5-1", "2024-02-07", "انطلاق القافلة الخامسة إلى معان", _convoy("الخامسة", "55")),
    ("c5-2", "2024-02-07", "القافلة الإغاثية الخامسة تتجه إلى معان",
     _convoy("الخامسة", "55", "الزرقاء - وكالات: ")),
]
# The fourth convoy told in other words: it shares its ordinal with the copies, few words.
FOURTH_REWRITTEN = [
    ("c4-4", "2024-02-07", "قافلة إغاثة رابعة تصل معان",
     "وصلت إلى معان مساء أمس قافلة مساعدات هي الرابعة التي ترسلها هيئة الإغاثة الوطنية، وقال "
     "مدير الهيئة إن شاحناتها حملت أربعين طناً من الغذاء والدواء ستوزع على العائلات في "
     "الأحياء الجنوبية بمساعدة الهلال الأحمر."),
]


def test_cluster_two_events_of_one_press_release_template_stay_apart_by_their_facts() -> None:
    clusters = {frozenset(c) for c in cluster_documents(_titled(FOURTH + FIFTH))}
    assert frozenset(d for d, *_ in FOURTH) in clusters
    assert frozenset(d for d, *_ in FIFTH) in clusters
    blind = cluster_documents(_titled(FOURTH + FIFTH), ClusterOptions(conflict_margin=0.0))
    assert len(blind) == 1  # the template alone joins the two convoys


def test_cluster_a_rewritten_report_joins_the_copies_its_facts_agree_with() -> None:
    docs = _titled(FOURTH + FOURTH_REWRITTEN + FIFTH)
    clusters = {frozenset(c) for c in cluster_documents(docs)}
    assert frozenset(d for d, *_ in FOURTH + FOURTH_REWRITTEN) in clusters
    assert frozenset(d for d, *_ in FIFTH) in clusters
    strict = ClusterOptions(agreed_cohesion_ratio=ClusterOptions().cohesion_ratio)
    assert ["c4-4"] in cluster_documents(docs, strict)  # too loosely alike without its facts


# Two executions announced the same day in one statement template: the person and their
# nationality differ.
def _execution(name: str, nationality: str) -> str:
    return ("أصدرت وزارة الداخلية اليوم بياناً بشأن تنفيذ حكم القتل تعزيراً في مهرب مخدرات "
            "بالمنطقة الشرقية، وجاء فيه أنه تم القبض على المدعو " + name + " - " + nationality +
            " الجنسية - إثر قيامه بتهريب كمية كبيرة من الأقراص المخدرة، وبإحالته إلى المحكمة "
            "صدر بحقه حكم يقضي بقتله تعزيراً، وتم تنفيذ الحكم اليوم في محافظة الخبر.")


EXECUTIONS = [
    ("x1-1", "2024-06-03", "تنفيذ حكم القتل تعزيراً في مهرب مخدرات بالشرقية",
     _execution("سالم عوض الفلاني", "يمني")),
    ("x1-2", "2024-06-03", "القتل تعزيراً لمهرب مخدرات في الخبر",
     _execution("سالم عوض الفلاني", "يمني")),
    ("x2-1", "2024-06-03", "تنفيذ حكم القتل تعزيراً في مهرب مخدرات بالشرقية",
     _execution("جمال حسن العلاني", "أردني")),
    ("x2-2", "2024-06-04", "القتل تعزيراً لمهرب مخدرات في الخبر",
     _execution("جمال حسن العلاني", "أردني")),
]


def test_cluster_two_executions_of_one_template_stay_apart_by_nationality() -> None:
    clusters = {frozenset(c) for c in cluster_documents(_titled(EXECUTIONS))}
    assert clusters == {frozenset({"x1-1", "x1-2"}), frozenset({"x2-1", "x2-2"})}
    blind = cluster_documents(_titled(EXECUTIONS), ClusterOptions(conflict_margin=0.0))
    assert len(blind) == 1


# A round-up of both executions: it shares each one's person and words, and must not link them.
ROUNDUP = [
    ("x-both", "2024-06-04", "تنفيذ حكمي القتل تعزيراً في مهربي مخدرات بالشرقية",
     _execution("سالم عوض الفلاني", "يمني") + " " + _execution("جمال حسن العلاني", "أردني")),
]


def test_cluster_a_round_up_of_two_events_does_not_link_them() -> None:
    clusters = cluster_documents(_titled(EXECUTIONS + ROUNDUP))
    assert not any({"x1-1", "x2-1"} <= set(c) for c in clusters)
    assert {"x1-1", "x1-2"} <= set(next(c for c in clusters if "x1-1" in c))


# The same template, the same tonnage: only the ordinal tells the two convoys apart.
SAME_TONS = [(d, day, title, _convoy("الخامسة", "40")) for d, day, title, _ in FIFTH]


def test_cluster_an_ordinal_conflict_outweighs_a_shared_number() -> None:
    clusters = {frozenset(c) for c in cluster_documents(_titled(FOURTH + SAME_TONS))}
    assert frozenset(d for d, *_ in FOURTH) in clusters
    assert frozenset(d for d, *_ in FIFTH) in clusters


# One fire-report template, no names or numbers: the towns of the titles tell the two fires apart.
def _fire(opening: str) -> str:
    return (opening + "اندلع حريق في مستودع للمواد الغذائية فجر اليوم، وباشرت فرق الدفاع المدني "
            "إخماده ومنع امتداده إلى المباني المجاورة، ولم تسجل أي إصابات، فيما فتحت الجهات "
            "المختصة تحقيقاً لمعرفة أسباب الحريق وتقدير حجم الخسائر.")


FAR_TOWNS = [
    ("t-1", "2024-06-03", "حريق في مستودع للمواد الغذائية بتبوك", _fire("")),
    ("t-2", "2024-06-03", "الدفاع المدني يخمد حريق مستودع في تبوك", _fire("تبوك - واس: ")),
    ("j-1", "2024-06-03", "حريق في مستودع للمواد الغذائية بجازان", _fire("")),
    ("j-2", "2024-06-04", "الدفاع المدني يخمد حريق مستودع في جازان", _fire("جازان - واس: ")),
]


def test_cluster_one_template_in_two_far_towns_stays_apart() -> None:
    clusters = {frozenset(c) for c in cluster_documents(_titled(FAR_TOWNS))}
    assert clusters == {frozenset({"t-1", "t-2"}), frozenset({"j-1", "j-2"})}
    blind = cluster_documents(_titled(FAR_TOWNS), ClusterOptions(conflict_margin=0.0))
    assert len(blind) == 1


# A cable of one template sent every other day to another country: each is a story of its own,
# not one three weeks long.
_COUNTRIES = ["كولومبيا", "بيرو", "بوليفيا", "الإكوادور", "جامايكا", "سنغافورة", "الهند",
              "إندونيسيا", "أوروغواي", "الغابون", "النيجر"]
DAILY = [(f"cable-{day}", f"2024-03-{day:02d}", "القيادة تهنئ بذكرى الاستقلال",
          f"بعث الملك برقية تهنئة لرئيس {country} بمناسبة ذكرى استقلال بلاده، أعرب فيها عن "
          "أصدق التهاني وأطيب التمنيات بالصحة والسعادة ولشعب بلاده الصديق المزيد من التقدم.")
         for day, country in zip(range(1, 22, 2), _COUNTRIES, strict=True)]


def test_cluster_a_daily_series_does_not_become_one_story() -> None:
    days = [[int(d.split("-")[1]) for d in c] for c in cluster_documents(_titled(DAILY))]
    assert max(max(c) - min(c) for c in days) <= ClusterOptions().span_grace + 2
    endless = cluster_documents(_titled(DAILY), ClusterOptions(span_grace=100))
    assert len(endless) == 1


def test_cluster_reads_stored_facts_and_computes_missing_ones() -> None:
    from marsad.story.facts import story_facts

    stored = [StoryInput(d, text, day, title=title, facts=story_facts(title, text))
              for d, day, title, text in FOURTH + FIFTH]
    assert sorted(cluster_documents(stored)) == sorted(cluster_documents(_titled(FOURTH + FIFTH)))
    no_facts = [StoryInput(d.doc_id, d.text, d.published, title=d.title, facts={})
                for d in stored]
    assert len(cluster_documents(no_facts)) == 1  # facts given as none: none are read


def test_cluster_a_story_told_over_a_week_stays_one() -> None:
    spread = [(d, f"2024-02-{day:02d}", title, text)
              for (d, _, title, text), day in zip(FOURTH, (1, 5, 9), strict=True)]
    assert sorted(d for d, *_ in FOURTH) in cluster_documents(_titled(spread))
    short = ClusterOptions(span_grace=2)
    assert sorted(d for d, *_ in FOURTH) not in cluster_documents(_titled(spread), short)


def test_cluster_terms_read_from_the_store_give_the_same_clusters() -> None:
    from marsad.story.cluster import story_terms

    rows = FLOOD + TRUCE + OTHER
    reads = []

    def stored() -> list[tuple[str, dict[str, int]]]:
        reads.append(1)
        return [(doc_id, story_terms(text)) for doc_id, _, text in reversed(rows)]

    own = cluster_documents(
        [StoryInput(d, text, day, terms=story_terms(text)) for d, day, text in rows])
    assert cluster_documents(_inputs(rows), stored_terms=stored) == own
    assert len(reads) == 2  # one pass counts the features, one weighs them
