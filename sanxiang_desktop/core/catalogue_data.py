"""Catalogue contents: (code, 中文, English[, group[, aliases]]) rows.

Codes are stored in databases and exchange packages on every installation: never rename or
reuse one; retire an entry by leaving it here. Aliases are other spellings met in clerks'
Excel ledgers, used only when reading labels back (`Catalogue.by_label`).
"""
from __future__ import annotations

Row = tuple  # (code, zh, en) or (code, zh, en, group) or (code, zh, en, group, aliases)

GENDER: list[Row] = [
    ("male", "男", "Male", None, ("男性",)),
    ("female", "女", "Female", None, ("女性",)),
]

UNIT_LEVEL: list[Row] = [
    ("province", "省", "Province", None, ("省级", "自治区")),
    ("city", "市", "City", None, ("市级", "地级市")),
    ("county", "县（市、区）", "County/district", None, ("县", "县区", "县级", "区县")),
    ("township", "乡镇（街道）", "Township/street", None, ("乡镇", "街道", "乡镇街道")),
    ("village", "村（社区）", "Village/community", None, ("村", "社区", "村社区")),
]

SECTOR: list[Row] = [
    ("health", "卫生健康", "Health", None, ("卫生", "医疗卫生", "卫健")),
    ("education", "教育", "Education"),
    ("agriculture", "农业", "Agriculture", None, ("农业农村",)),
    ("enterprise", "企业", "Enterprise"),
    ("social_services", "社会服务", "Social services"),
    ("other", "其他", "Other", None, ("其它",)),
]

KEY_CATEGORY: list[Row] = [
    ("hospital_president", "医院院长", "Hospital president", "health", ("县医院院长",)),
    ("health_center_head", "卫生院院长", "Township health centre head", "health", ("乡镇卫生院院长",)),
    ("community_health_center_head", "社区卫生服务中心主任", "Community health centre director",
     "health", ("卫生服务中心主任",)),
    ("village_clinic_head", "村卫生室主任", "Village clinic head", "health"),
    ("doctor", "医生", "Doctor", "health", ("医务工作者", "医师")),
    ("school_principal", "中小学校长", "School principal", "education", ("学校校长", "校长")),
    ("teacher", "中小学教师", "School teacher", "education", ("教师",)),
    ("agri_station_head", "农技站站长", "Agricultural technology station head", "agriculture"),
    ("agri_service_center_head", "农业服务中心主任", "Agricultural service centre director",
     "agriculture"),
    ("agri_extension_worker", "农技推广员", "Agricultural extension worker", "agriculture"),
    ("agri_association_head", "农技协会长", "Agricultural technology association head",
     "agriculture"),
    ("coop_chair", "合作社理事长", "Cooperative chair", "agriculture", ("专业合作社理事长",)),
    ("demo_household", "科技示范户", "Technology demonstration household", "agriculture"),
    ("large_grower", "种养殖大户", "Large-scale grower or breeder", "agriculture", ("种养大户",)),
    ("local_expert", "土专家", "Self-taught local expert", "agriculture"),
    ("field_talent", "田秀才", "Farmer-scholar", "agriculture"),
    ("social_service_center_head", "社会服务中心主任", "Social service centre director",
     "social_services"),
    ("community_worker", "社区工作者", "Community worker", "social_services"),
    ("enterprise_head", "企业负责人", "Enterprise head", "enterprise", ("企业家",)),
    ("skilled_talent", "技能人才", "Skilled worker", "enterprise"),
    ("discipline_leader", "学科带头人", "Discipline leader", "other"),
    ("expert_scholar", "专家学者", "Expert or scholar", "other"),
    ("retired_elder", "离退休三老", "Retired cadre, expert or teacher", "other",
     ("三老", "老干部", "老专家", "老教师")),
    ("village_official_graduate", "大学生村官", "College-graduate village official", "other"),
    ("science_volunteer", "科普志愿者", "Science popularisation volunteer", "other"),
    ("other", "其他", "Other", "other", ("其它",)),
]

# The "3" of "3+1": which categories fill which of a township's three key-person slots.
KEY_SLOT: list[Row] = [
    ("hospital", "医院（卫生院）院长", "Hospital (health centre) head", None, ("医院院长",)),
    ("school", "中小学校长", "School principal", None, ("学校校长",)),
    ("agri", "农技站站长", "Agricultural station head", None, ("农业服务中心主任",)),
]
KEY_SLOT_CATEGORIES: dict[str, tuple[str, ...]] = {
    "hospital": ("hospital_president", "health_center_head", "community_health_center_head"),
    "school": ("school_principal",),
    "agri": ("agri_station_head", "agri_service_center_head"),
}

ROLE: list[Row] = [
    ("chair", "主席", "Chair"),
    ("full_time_vice_chair", "专职副主席", "Full-time vice-chair"),
    ("part_time_vice_chair", "兼职副主席", "Part-time vice-chair"),
    ("seconded_vice_chair", "挂职副主席", "Seconded vice-chair"),
    ("vice_chair", "副主席", "Vice-chair"),
    ("secretary_general", "秘书长", "Secretary-general"),
    ("standing_member", "常委", "Standing committee member", None, ("常务委员",)),
    ("committee_member", "委员", "Committee member"),
    ("delegate", "代表", "Delegate", None, ("科协代表",)),
    ("contact_person", "专人负责（联络员）", "Designated contact person",
     None, ("联络员", "专人负责", "指定专人")),
]
NON_LEADERSHIP_ROLES = ("delegate", "contact_person")

POST_METHOD: list[Row] = [
    ("election", "换届选举", "Election at the end of term", None, ("换届",)),
    ("by_election", "届中补选", "By-election", None, ("补选",)),
    ("plenary_addition", "全委会增补", "Added by plenary session", None, ("增补",)),
    ("appointment", "组织任命", "Appointment", None, ("任命",)),
]

DOMAIN: list[Row] = [
    ("health", "健康中国", "Healthy China"),
    ("education", "创新驱动", "Innovation-driven"),
    ("agriculture", "乡村振兴", "Rural revitalisation"),
    ("other", "其他", "Other", None, ("其它",)),
]

ACTIVITY_TYPE: list[Row] = [
    ("health_lecture", "健康讲堂", "Health lecture", "health", ("健康讲座",)),
    ("expert_consultation", "专业咨询", "Professional consultation", "health"),
    ("free_clinic", "健康义诊", "Free medical consultation", "health", ("义诊",)),
    ("cancer_screening", "防癌体检", "Cancer screening", "health"),
    ("patriotic_health_campaign", "爱国卫生运动", "Patriotic health campaign", "health"),
    ("academic_exchange", "学术交流", "Academic exchange", "health"),
    ("technical_training", "技术培训", "Technical training", "health"),
    ("youth_innovation_contest", "青少年科技创新大赛", "Youth science and technology innovation contest",
     "education", ("科技创新大赛",)),
    ("robotics_contest", "机器人竞赛", "Robotics contest", "education"),
    ("science_drama_contest", "科普剧竞赛", "Science drama contest", "education"),
    ("youth_science_festival", "青少年科学节", "Youth science festival", "education"),
    ("youth_innovation_experiment", "青少年科普创新实验", "Youth science innovation experiment",
     "education"),
    ("big_hands_small_hands", "科普日“大手拉小手”报告会", "Science Day \"big hands, small hands\" talk",
     "education", ("大手拉小手",)),
    ("science_lecture", "科普报告会", "Popular science lecture", "education"),
    ("science_tutor_training", "科技辅导员专题培训", "Science tutor training", "education"),
    ("science_china_campaign", "科普中国·百城千校万村行动",
     "China Science: hundred cities, thousand schools, ten thousand villages", "agriculture",
     ("百城千校万村行动",)),
    ("rural_practical_training", "农村实用技术培训", "Rural practical technology training",
     "agriculture", ("实用技术培训",)),
    ("new_tech_promotion", "新技术新品种新模式推广", "Promotion of new techniques, varieties and models",
     "agriculture", ("新技术、新品种、新模式推广",)),
    ("new_farmer_cultivation", "新型职业农民培育", "Training of new professional farmers", "agriculture"),
    ("poverty_alleviation", "科技助力精准扶贫", "Science for targeted poverty alleviation",
     "agriculture"),
    ("science_publicity", "科普宣传", "Science publicity", "other"),
    ("other", "其他", "Other", "other", ("其它",)),
]

THEME_DAY: list[Row] = [
    ("national_science_day", "全国科普日", "National Science Popularisation Day", None, ("科普日",)),
    ("sci_tech_workers_day", "全国科技工作者日", "National Science and Technology Workers' Day",
     None, ("科技工作者日",)),
    ("sci_tech_week", "科技活动周", "Science and Technology Week", None, ("科技周",)),
    ("world_water_day", "世界水日", "World Water Day"),
    ("world_meteorological_day", "世界气象日", "World Meteorological Day"),
    ("world_tb_day", "世界防治结核病日", "World Tuberculosis Day"),
    ("world_health_day", "世界卫生日", "World Health Day"),
    ("national_security_education_day", "全民国家安全教育日", "National Security Education Day"),
    ("world_earth_day", "世界地球日", "Earth Day"),
    ("china_space_day", "中国航天日", "China Space Day"),
    ("world_ip_day", "世界知识产权日", "World Intellectual Property Day"),
    ("disaster_reduction_day", "全国防灾减灾日", "National Disaster Prevention and Reduction Day"),
    ("nutrition_week", "全民营养周", "National Nutrition Week"),
    ("world_no_tobacco_day", "世界无烟日", "World No Tobacco Day"),
    ("world_environment_day", "世界环境日", "World Environment Day"),
    ("national_eye_care_day", "全国爱眼日", "National Eye Care Day"),
    ("low_carbon_day", "全国低碳日", "National Low-Carbon Day"),
    ("national_fitness_day", "全民健身日", "National Fitness Day"),
    ("national_ecology_day", "全国生态日", "National Ecology Day"),
    ("national_dental_day", "全国爱牙日", "National Love Teeth Day"),
    ("farmers_harvest_festival", "中国农民丰收节", "Chinese Farmers' Harvest Festival",
     None, ("农民丰收节",)),
    ("world_food_day", "世界粮食日", "World Food Day"),
    ("fire_safety_day", "全国消防日", "National Fire Safety Day"),
    ("world_diabetes_day", "世界糖尿病日", "World Diabetes Day"),
    ("world_aids_day", "世界艾滋病日", "World AIDS Day"),
    ("international_volunteer_day", "国际志愿者日", "International Volunteer Day"),
    ("other", "其他纪念日", "Other commemorative day"),
    ("none", "无", "None"),
]

VENUE_TYPE: list[Row] = [
    ("science_club", "科学社", "Science club"),
    ("community_academy", "社区书院", "Community academy"),
    ("science_university", "科普大学", "Popular science university"),
    ("activity_room", "科普活动室", "Science activity room"),
    ("rural_school_museum", "农村中学科技馆", "Rural middle-school science museum"),
    ("youth_studio", "青少年科学工作室", "Youth science studio"),
    ("e_station", "科普e站", "Science e-station", None, ("科普E站",)),
    ("party_service_center", "党群服务中心", "Party and public service centre",
     None, ("党群服务阵地",)),
    ("other", "其他", "Other", None, ("其它",)),
]

# GB/T 4762 order; the eight democratic parties' members under their usual short names.
POLITICAL_STATUS: list[Row] = [
    ("cpc_member", "中共党员", "CPC member", None, ("中国共产党党员", "党员", "共产党员")),
    ("cpc_probationary", "中共预备党员", "CPC probationary member", None, ("中国共产党预备党员", "预备党员")),
    ("cyl_member", "共青团员", "Communist Youth League member", None, ("中国共产主义青年团团员", "团员")),
    ("rcck_member", "民革党员", "RCCK member", None, ("中国国民党革命委员会会员", "民革会员")),
    ("cdl_member", "民盟盟员", "China Democratic League member", None, ("中国民主同盟盟员",)),
    ("cndca_member", "民建会员", "CNDCA member", None, ("中国民主建国会会员",)),
    ("capd_member", "民进会员", "CAPD member", None, ("中国民主促进会会员",)),
    ("cpwdp_member", "农工党党员", "CPWDP member", None, ("中国农工民主党党员",)),
    ("zgd_member", "致公党党员", "China Zhi Gong Party member", None, ("中国致公党党员",)),
    ("jiusan_member", "九三学社社员", "Jiusan Society member"),
    ("tdsl_member", "台盟盟员", "Taiwan Democratic Self-Government League member",
     None, ("台湾民主自治同盟盟员",)),
    ("non_party", "无党派人士", "Non-party", None, ("无党派民主人士", "无党派")),
    ("masses", "群众", "Masses (no affiliation)", None, ("普通群众",)),
]

EDUCATION: list[Row] = [
    ("doctorate", "博士研究生", "Doctoral", None, ("博士",)),
    ("master", "硕士研究生", "Master's", None, ("硕士",)),
    ("bachelor", "大学本科", "Bachelor's", None, ("本科",)),
    ("college", "大学专科", "Junior college", None, ("大专", "专科")),
    ("secondary_vocational", "中专（中技）", "Secondary vocational", None, ("中专", "中技", "技校")),
    ("high_school", "高中", "Senior high school"),
    ("junior_high", "初中", "Junior high school"),
    ("primary_or_below", "小学及以下", "Primary school or less", None, ("小学", "文盲")),
]

TITLE_LEVEL: list[Row] = [
    ("senior", "正高级", "Senior (full)", None, ("正高",)),
    ("associate", "副高级", "Associate senior", None, ("副高",)),
    ("intermediate", "中级", "Intermediate"),
    ("junior", "初级", "Junior"),
    ("none", "无", "None", None, ("无职称",)),
]

# GB/T 3304-1991 numeric codes and romanised names. Former names kept as aliases
# (毛难族 -> 毛南族 in 1986, 崩龙族 -> 德昂族 in 1985): old ledgers still use them.
_ETHNIC_GROUPS = (
    "汉 Han|蒙古 Mongol|回 Hui|藏 Zang|维吾尔 Uygur|苗 Miao|彝 Yi|壮 Zhuang|布依 Buyei|朝鲜 Chosen|"
    "满 Man|侗 Dong|瑶 Yao|白 Bai|土家 Tujia|哈尼 Hani|哈萨克 Kazak|傣 Dai|黎 Li|傈僳 Lisu|佤 Va|"
    "畲 She|高山 Gaoshan|拉祜 Lahu|水 Sui|东乡 Dongxiang|纳西 Naxi|景颇 Jingpo|柯尔克孜 Kirgiz|"
    "土 Tu|达斡尔 Daur|仫佬 Mulao|羌 Qiang|布朗 Blang|撒拉 Salar|毛南 Maonan|仡佬 Gelao|"
    "锡伯 Xibe|阿昌 Achang|普米 Pumi|塔吉克 Tajik|怒 Nu|乌孜别克 Uzbek|俄罗斯 Russ|鄂温克 Ewenki|"
    "德昂 Deang|保安 Bonan|裕固 Yugur|京 Gin|塔塔尔 Tatar|独龙 Derung|鄂伦春 Oroqen|赫哲 Hezhen|"
    "门巴 Monba|珞巴 Lhoba|基诺 Jino"
)
_FORMER_NAMES = {"毛南": ("毛难族",), "德昂": ("崩龙族",)}
ETHNICITY: list[Row] = [
    (f"{number:02d}", f"{zh}族", en, None, (zh,) + _FORMER_NAMES.get(zh, ()))
    for number, (zh, en) in enumerate((item.split(" ") for item in _ETHNIC_GROUPS.split("|")), 1)
] + [
    ("97", "其他", "Other (unidentified)", None, ("其它", "未识别民族")),
    ("98", "外国血统中国籍人士", "Naturalised citizen of foreign origin", None, ("外国血统",)),
]

TASK_STATUS: list[Row] = [
    ("todo", "未开始", "To do"),
    ("doing", "进行中", "In progress"),
    ("done", "已完成", "Done", None, ("完成",)),
]

GROUP_ROLE: list[Row] = [
    ("leader", "组长", "Leader"),
    ("deputy", "副组长", "Deputy leader"),
    ("member", "成员", "Member", None, ("组员",)),
    ("office_director", "办公室主任", "Office director"),
]

MEETING_KIND: list[Row] = [
    ("plenary", "全委会", "Plenary session", None, ("全体委员会议",)),
    ("election", "换届大会", "Election congress", None, ("代表大会",)),
    ("by_election", "届中补选", "By-election"),
]

ATTACHMENT_KIND: list[Row] = [
    ("photo", "活动照片", "Activity photo", None, ("照片",)),
    ("signin", "签到表", "Sign-in sheet"),
    ("document", "文件资料", "Document", None, ("文件", "资料")),
]

TEAM_ROLE: list[Row] = [
    ("leader", "队长", "Team leader"),
    ("member", "队员", "Team member"),
]

ALL: dict[str, list[Row]] = {
    "gender": GENDER, "unit_level": UNIT_LEVEL, "sector": SECTOR, "key_category": KEY_CATEGORY,
    "key_slot": KEY_SLOT, "role": ROLE, "post_method": POST_METHOD, "domain": DOMAIN,
    "activity_type": ACTIVITY_TYPE, "theme_day": THEME_DAY, "venue_type": VENUE_TYPE,
    "political_status": POLITICAL_STATUS, "education": EDUCATION, "title_level": TITLE_LEVEL,
    "ethnicity": ETHNICITY, "task_status": TASK_STATUS, "group_role": GROUP_ROLE,
    "meeting_kind": MEETING_KIND, "attachment_kind": ATTACHMENT_KIND, "team_role": TEAM_ROLE,
}
