"""Name pools for realistic demo data (Ningxia: a large Hui population)."""
from __future__ import annotations

import random

# Common Han surnames with rough national frequencies (per mille).
HAN_SURNAMES = (
    ("王", 72), ("李", 72), ("张", 69), ("刘", 55), ("陈", 46), ("杨", 32), ("赵", 20), ("黄", 19), ("周", 18),
    ("吴", 17), ("徐", 13), ("孙", 13), ("胡", 11), ("朱", 11), ("高", 10), ("林", 10), ("何", 9), ("郭", 9),
    ("马", 9), ("罗", 8), ("梁", 7), ("宋", 7), ("郑", 7), ("谢", 6), ("韩", 6), ("唐", 6), ("冯", 5), ("于", 5),
    ("董", 5), ("萧", 5), ("程", 5), ("曹", 5), ("袁", 5), ("邓", 5), ("许", 5), ("傅", 4), ("沈", 4), ("曾", 4),
    ("彭", 4), ("吕", 4), ("苏", 4), ("卢", 4), ("蒋", 4), ("蔡", 4), ("贾", 3), ("丁", 3), ("魏", 3), ("薛", 3),
    ("叶", 3), ("阎", 3), ("余", 3), ("潘", 3), ("杜", 3), ("戴", 3), ("夏", 3), ("钟", 3), ("汪", 3), ("田", 3),
    ("任", 3), ("姜", 3), ("范", 3), ("方", 3), ("石", 3), ("姚", 3), ("谭", 2), ("廖", 2), ("邹", 2), ("熊", 2),
    ("金", 2), ("陆", 2), ("郝", 2), ("孔", 2), ("白", 2), ("崔", 2), ("康", 2), ("毛", 2), ("邱", 2), ("秦", 2),
    ("江", 2), ("史", 2), ("顾", 2), ("侯", 2), ("邵", 2), ("孟", 2), ("龙", 2), ("万", 2), ("段", 2), ("雷", 2),
    ("单", 1), ("解", 1), ("仇", 1), ("査", 1), ("司马", 1), ("欧阳", 1),
)
# Surnames common among the Hui of Ningxia.
HUI_SURNAMES = (("马", 40), ("杨", 8), ("丁", 7), ("李", 6), ("王", 6), ("海", 5), ("白", 5), ("纳", 4), ("金", 4),
                ("穆", 3), ("哈", 3), ("锁", 3), ("虎", 3), ("冶", 2), ("苏", 2), ("田", 2), ("何", 2), ("撒", 1))
MALE_CHARS = "伟强军磊洋勇杰涛斌超明刚平辉鹏华飞鑫波宁俊峰建文海亮国庆志彬宏毅晨浩宇"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀梅燕玲桂英红萍华慧莉琳雪婷欣佳颖倩晶月兰蓉"
VILLAGE_WORDS = ("红星", "新华", "团结", "永丰", "光明", "胜利", "和平", "幸福", "先锋", "友爱", "金星", "丰盛",
                 "立新", "解放", "东方", "前进", "通贵", "河忠", "杨显", "关渠", "新民", "宁化", "望远", "纳家户",
                 "掌政", "兴源", "春林", "强家庙", "洼路", "银河", "四十里店", "金沙", "清水", "双渠")
COMMUNITY_WORDS = ("文化", "丽景", "康馨", "银湖", "凤凰", "海宝", "阅海", "新华", "长城", "公园", "民乐", "宝湖",
                   "北塔", "中山", "友谊", "正源", "黄河东路", "上海西路", "金凤", "满城")
DEPARTMENTS = ("区委组织部", "区卫生健康局", "区教育局", "区农业农村局", "区科技局", "区财政局", "区民政局")


def weighted(rng: random.Random, pairs) -> str:
    """Returns one value of `pairs` ((value, weight), ...), drawn from `rng` with a probability proportional to
    its weight."""
    total = sum(w for _, w in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


def person_name(rng: random.Random, gender: str, hui: bool) -> str:
    """Returns a plausible name for `gender` (Hui surnames when `hui`), drawn from `rng`."""
    surname = weighted(rng, HUI_SURNAMES if hui else HAN_SURNAMES)
    chars = MALE_CHARS if gender == "male" else FEMALE_CHARS
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return surname + given
