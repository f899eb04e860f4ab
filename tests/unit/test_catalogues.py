"""Catalogues: the codes the data model and indicators rely on, and label round-trips."""
from __future__ import annotations

import re

import pytest

from sanxiang_desktop.core.catalogues import (
    CATALOGUES, KEY_SLOTS, LEADERSHIP_ROLES, Catalogue, Entry, slot_of_category,
)

REQUIRED = {
    "gender": {"male": "男", "female": "女"},
    "unit_level": {"province": "省", "city": "市", "county": "县（市、区）",
                   "township": "乡镇（街道）", "village": "村（社区）"},
    "sector": {"health": "卫生健康", "education": "教育", "agriculture": "农业",
               "enterprise": "企业", "social_services": "社会服务", "other": "其他"},
    "key_category": {
        "hospital_president": "医院院长", "health_center_head": "卫生院院长",
        "community_health_center_head": "社区卫生服务中心主任", "village_clinic_head": "村卫生室主任",
        "school_principal": "中小学校长", "teacher": "中小学教师", "agri_station_head": "农技站站长",
        "agri_service_center_head": "农业服务中心主任", "agri_extension_worker": "农技推广员",
        "social_service_center_head": "社会服务中心主任", "agri_association_head": "农技协会长",
        "coop_chair": "合作社理事长", "community_worker": "社区工作者", "doctor": "医生",
        "retired_elder": "离退休三老", "village_official_graduate": "大学生村官",
        "science_volunteer": "科普志愿者", "demo_household": "科技示范户", "large_grower": "种养殖大户",
        "local_expert": "土专家", "field_talent": "田秀才", "enterprise_head": "企业负责人",
        "discipline_leader": "学科带头人", "other": "其他"},
    "key_slot": {"hospital": "医院（卫生院）院长", "school": "中小学校长", "agri": "农技站站长"},
    "role": {"chair": "主席", "full_time_vice_chair": "专职副主席", "part_time_vice_chair": "兼职副主席",
             "seconded_vice_chair": "挂职副主席", "vice_chair": "副主席", "secretary_general": "秘书长",
             "standing_member": "常委", "committee_member": "委员", "delegate": "代表",
             "contact_person": "专人负责（联络员）"},
    "post_method": {"election": "换届选举", "by_election": "届中补选",
                    "plenary_addition": "全委会增补", "appointment": "组织任命"},
    "domain": {"health": "健康中国", "education": "创新驱动", "agriculture": "乡村振兴", "other": "其他"},
    "theme_day": {"national_science_day": "全国科普日", "sci_tech_workers_day": "全国科技工作者日",
                  "sci_tech_week": "科技活动周", "none": "无"},
    "venue_type": {"science_club": "科学社", "community_academy": "社区书院",
                   "science_university": "科普大学", "activity_room": "科普活动室",
                   "rural_school_museum": "农村中学科技馆", "youth_studio": "青少年科学工作室",
                   "e_station": "科普e站", "party_service_center": "党群服务中心", "other": "其他"},
    "title_level": {"senior": "正高级", "associate": "副高级", "intermediate": "中级",
                    "junior": "初级", "none": "无"},
    "task_status": {"todo": "未开始", "doing": "进行中", "done": "已完成"},
    "group_role": {"leader": "组长", "deputy": "副组长", "member": "成员", "office_director": "办公室主任"},
    "meeting_kind": {"plenary": "全委会", "election": "换届大会", "by_election": "届中补选"},
    "attachment_kind": {"photo": "活动照片", "signin": "签到表", "document": "文件资料"},
    "team_role": {"leader": "队长", "member": "队员"},
}

ACTIVITY_TYPES_BY_DOMAIN = {
    "health": ["健康讲堂", "专业咨询", "健康义诊", "防癌体检", "爱国卫生运动", "学术交流", "技术培训"],
    "education": ["青少年科技创新大赛", "机器人竞赛", "科普剧竞赛", "青少年科学节", "青少年科普创新实验",
                  "科普日“大手拉小手”报告会", "科普报告会", "科技辅导员专题培训"],
    "agriculture": ["科普中国·百城千校万村行动", "农村实用技术培训", "新技术新品种新模式推广",
                    "新型职业农民培育"],
    "other": ["科普宣传", "其他"],
}

# GB/T 3304-1991, spot checks across the list (Ningxia: 汉 and 回 above all).
ETHNICITY_SPOT_CHECKS = {
    "01": "汉族", "02": "蒙古族", "03": "回族", "04": "藏族", "05": "维吾尔族", "10": "朝鲜族",
    "11": "满族", "15": "土家族", "23": "高山族", "26": "东乡族", "30": "土族", "35": "撒拉族",
    "36": "毛南族", "44": "俄罗斯族", "46": "德昂族", "47": "保安族", "49": "京族", "51": "独龙族",
    "55": "珞巴族", "56": "基诺族", "97": "其他", "98": "外国血统中国籍人士",
}


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_required_codes_and_labels(name):
    catalogue = CATALOGUES[name]
    for code, zh in REQUIRED[name].items():
        assert code in catalogue, (name, code)
        assert catalogue.label(code) == zh


def test_every_catalogue_named_in_the_brief_exists():
    assert set(REQUIRED) | {"activity_type", "political_status", "education", "ethnicity"} \
        <= set(CATALOGUES)
    for name, catalogue in CATALOGUES.items():
        assert catalogue.name == name


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_codes_and_labels_are_unique_and_well_formed(name):
    catalogue = CATALOGUES[name]
    codes = catalogue.codes()
    assert len(codes) == len(set(codes)) == len(catalogue) > 0
    assert len({e.zh for e in catalogue}) == len(codes)
    assert len({e.en.casefold() for e in catalogue}) == len(codes)
    for entry in catalogue:
        assert re.fullmatch(r"[a-z0-9_]+", entry.code), entry.code
        assert entry.zh and entry.en and entry.en.isascii()


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_by_label_round_trips(name):
    catalogue = CATALOGUES[name]
    for entry in catalogue:
        for text in (entry.zh, entry.en, entry.en.upper(), entry.code, f" {entry.zh}\u200b",
                     *entry.aliases):
            assert catalogue.by_label(text) is entry, (name, text)


def test_by_label_tolerates_retyped_labels():
    assert CATALOGUES["unit_level"].by_label("县(市、区)").code == "county"
    assert CATALOGUES["unit_level"].by_label("乡镇 （街道）").code == "township"
    assert CATALOGUES["role"].by_label("专人负责(联络员)").code == "contact_person"
    activity = CATALOGUES["activity_type"]
    assert activity.by_label('科普日"大手拉小手"报告会').code == "big_hands_small_hands"
    assert activity.by_label("科普中国・百城千校万村行动").code == "science_china_campaign"
    assert CATALOGUES["venue_type"].by_label("科普Ｅ站").code == "e_station"
    assert CATALOGUES["political_status"].by_label("中国共产党党员").code == "cpc_member"
    assert CATALOGUES["education"].by_label("本科").code == "bachelor"
    assert CATALOGUES["ethnicity"].by_label("回").code == "03"
    assert CATALOGUES["ethnicity"].by_label("毛难族").code == "36"
    assert CATALOGUES["gender"].by_label("火星") is None
    assert CATALOGUES["gender"].by_label("") is None
    assert CATALOGUES["gender"].by_label(None) is None


def test_label_of_unknown_code_is_the_code():
    role = CATALOGUES["role"]
    assert role.label("chair", "en") == "Chair"
    assert role.label("future_role") == "future_role"
    assert role.label(None) == ""
    assert role.get("future_role") is None and role.get(None) is None
    assert "future_role" not in role


def test_activity_types_belong_to_domains():
    domains = CATALOGUES["domain"]
    activity = CATALOGUES["activity_type"]
    assert {e.en for e in domains} == {"Healthy China", "Innovation-driven",
                                       "Rural revitalisation", "Other"}
    for entry in activity:
        assert entry.group in domains, entry
    for domain, labels in ACTIVITY_TYPES_BY_DOMAIN.items():
        for label in labels:
            entry = activity.by_label(label)
            assert entry is not None and entry.zh == label and entry.group == domain, label
    assert {e.group for e in activity} == set(domains.codes())
    assert [e.code for e in activity.in_group("health")][:2] == ["health_lecture",
                                                                 "expert_consultation"]


def test_key_categories_belong_to_sectors():
    sectors = CATALOGUES["sector"]
    for entry in CATALOGUES["key_category"]:
        assert entry.group in sectors, entry


def test_key_slots():
    assert KEY_SLOTS == {
        "hospital": frozenset({"hospital_president", "health_center_head",
                               "community_health_center_head"}),
        "school": frozenset({"school_principal"}),
        "agri": frozenset({"agri_station_head", "agri_service_center_head"}),
    }
    assert set(KEY_SLOTS) == set(CATALOGUES["key_slot"].codes())
    categories = CATALOGUES["key_category"]
    slot_sector = {"hospital": "health", "school": "education", "agri": "agriculture"}
    for slot, members in KEY_SLOTS.items():
        for code in members:
            assert categories.get(code).group == slot_sector[slot]
            assert slot_of_category(code) == slot
    assert slot_of_category("teacher") is None and slot_of_category(None) is None


def test_leadership_roles():
    roles = CATALOGUES["role"]
    assert LEADERSHIP_ROLES == frozenset(roles.codes()) - {"delegate", "contact_person"}
    assert {"chair", "part_time_vice_chair", "seconded_vice_chair", "standing_member"} \
        <= LEADERSHIP_ROLES


def test_ethnicities_follow_gb_t_3304():
    ethnicity = CATALOGUES["ethnicity"]
    codes = ethnicity.codes()
    assert codes == tuple(f"{n:02d}" for n in range(1, 57)) + ("97", "98")
    assert all(e.zh.endswith("族") for e in ethnicity if e.code <= "56")
    for code, zh in ETHNICITY_SPOT_CHECKS.items():
        assert ethnicity.label(code) == zh
    assert ethnicity.label("03", "en") == "Hui"


def test_political_status_and_education():
    status = CATALOGUES["political_status"]
    assert len(status) == 13
    assert [e.zh for e in status][:3] == ["中共党员", "中共预备党员", "共青团员"]
    assert [e.zh for e in status][-2:] == ["无党派人士", "群众"]
    assert [e.zh for e in CATALOGUES["education"]] == [
        "博士研究生", "硕士研究生", "大学本科", "大学专科", "中专（中技）", "高中", "初中", "小学及以下"]


def test_theme_days_include_commemorative_days():
    theme = CATALOGUES["theme_day"]
    for label in ("世界卫生日", "全国爱眼日", "全国防灾减灾日", "世界环境日", "中国农民丰收节",
                  "世界粮食日", "国际志愿者日"):
        assert theme.by_label(label) is not None, label


def test_catalogue_rejects_duplicates_and_ambiguous_labels():
    with pytest.raises(ValueError, match="duplicate code"):
        Catalogue("t", (Entry("a", "甲", "A"), Entry("a", "乙", "B")))
    # labels are indexed when first read back (issue 12, startup), so an ambiguous one is refused then
    ambiguous = Catalogue("t", (Entry("a", "甲", "A"), Entry("b", "乙", "B", aliases=("甲",))))
    with pytest.raises(ValueError, match="names both"):
        ambiguous.by_label("乙")


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_shipped_catalogue_reads_its_labels_back_without_ambiguity(name):
    index = CATALOGUES[name].label_index()
    assert {entry.code for entry in index.values()} == set(CATALOGUES[name].codes())


def test_iteration_and_choices():
    gender = CATALOGUES["gender"]
    assert [e.code for e in gender] == ["male", "female"]
    assert gender.choices() == (("male", "男"), ("female", "女"))
    assert gender.choices("en") == (("male", "Male"), ("female", "Female"))
