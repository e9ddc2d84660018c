#!/usr/bin/env python3
"""Generates the Dongying demo power and responsibility lists (权责清单).

Writes src/main/resources/SUPERVISION-INF/power-lists/<UNITCODE>.json for the units catalogued in power_catalog.py:
one array of items per unit, in the contribution-bundle format (code, name, type as its Chinese label, basis,
subject, responsibilities, accountability, dutyNumber). Deterministic (no randomness, sorted output), stdlib only.
Every item is checked against the unit's mandate in units/city-units.json before anything is written: the duty
number must exist, the implementing body must be the unit or one of its internal bodies, codes are unique.

    python3 tools/power_lists.py          # from county-templates/dongying-city
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import power_catalog  # noqa: E402

ROOT = os.path.join(HERE, "..", "src", "main", "resources", "SUPERVISION-INF")

TYPES = {
    "XK": "行政许可", "CF": "行政处罚", "QZ": "行政强制", "ZS": "行政征收", "JF": "行政给付", "JC": "行政检查",
    "QR": "行政确认", "JL": "行政奖励", "CJ": "行政裁决", "QT": "其他行政权力", "GG": "公共服务",
}

RESPONSIBILITIES = {
    "XK": "1.受理责任：公示依法应当提交的材料，一次性告知补正材料，依法受理或者不予受理（不予受理的书面告知理由）。"
          "2.审查责任：对申请材料进行审查，提出审查意见，需要现场核查的组织核查。"
          "3.决定责任：在法定期限内作出准予许可或者不予许可的决定，不予许可的书面告知理由。"
          "4.送达责任：制发并送达许可证件，依法公开许可结果。"
          "5.事后监管责任：对被许可人从事许可事项的活动实施监督检查。"
          "6.其他法律法规规章文件规定应履行的责任。",
    "CF": "1.立案责任：对发现、投诉举报、移送的违法线索予以审查，决定是否立案。"
          "2.调查责任：全面、客观、公正调查收集证据，执法人员不少于两人，出示执法证件，制作笔录。"
          "3.审查责任：对案件违法事实、证据、调查取证程序、法律适用、处罚种类和幅度进行审查，重大案件进行法制审核。"
          "4.告知责任：作出处罚决定前告知拟处罚的事实、理由、依据和当事人依法享有的陈述、申辩、要求听证等权利。"
          "5.决定责任：依法作出行政处罚决定，制作处罚决定书，载明违法事实和证据、处罚依据和内容、救济途径。"
          "6.送达责任：在规定期限内将行政处罚决定书送达当事人。"
          "7.执行责任：监督当事人履行处罚决定，当事人逾期不履行的依法强制执行或者申请人民法院强制执行。"
          "8.其他法律法规规章文件规定应履行的责任。",
    "QZ": "1.催告责任：实施行政强制前书面催告当事人履行义务，告知履行期限、方式和当事人依法享有的权利。"
          "2.决定责任：听取当事人陈述、申辩，经行政机关负责人批准作出行政强制决定。"
          "3.执行责任：依法实施查封、扣押或者强制执行，制作现场笔录和清单。"
          "4.事后责任：妥善保管查封、扣押的财物，不再需要采取措施的及时解除。"
          "5.其他法律法规规章文件规定应履行的责任。",
    "ZS": "1.告知责任：公开征收的依据、标准、程序和期限。2.核定责任：依法核定征收数额，出具缴款通知。"
          "3.征缴责任：按规定征缴并出具票据，实行收支两条线。4.监督责任：对逾期不缴的依法催缴或者处理。"
          "5.其他法律法规规章文件规定应履行的责任。",
    "JF": "1.受理责任：公示给付条件、标准和申请材料，依法受理申请。2.审核责任：审核申请人条件，必要时入户调查并公示。"
          "3.决定责任：作出给付或者不予给付决定，不予给付的书面告知理由。4.发放责任：按标准及时足额发放。"
          "5.监管责任：对资金使用和给付对象动态管理。6.其他法律法规规章文件规定应履行的责任。",
    "JC": "1.检查责任：制定并公开检查计划，“双随机、一公开”抽取检查对象和执法人员，依法实施检查并制作检查记录。"
          "2.处置责任：对检查中发现的问题责令改正，涉嫌违法的依法立案查处，属于其他部门职责的及时移送。"
          "3.信息公开责任：依法公开检查结果并记入信用记录。4.其他法律法规规章文件规定应履行的责任。",
    "QR": "1.受理责任：公示确认条件和申请材料，依法受理或者不予受理。2.审查责任：对申请材料和事实进行审查核实。"
          "3.决定责任：作出确认或者不予确认的决定，不予确认的书面告知理由。4.送达责任：制发并送达确认文书，依法公开。"
          "5.其他法律法规规章文件规定应履行的责任。",
    "JL": "1.制定方案责任：制定并公布奖励方案、条件和程序。2.审核责任：对推荐对象进行审核并公示。"
          "3.决定责任：作出奖励决定并表彰。4.监督责任：对弄虚作假骗取奖励的撤销奖励。5.其他法律法规规章文件规定应履行的责任。",
    "CJ": "1.受理责任：依法受理当事人的裁决申请。2.调查责任：调查核实争议事实，听取双方意见，先行调解。"
          "3.裁决责任：调解不成的依法作出裁决。4.送达责任：将裁决书送达当事人并告知救济途径。"
          "5.其他法律法规规章文件规定应履行的责任。",
    "QT": "1.受理责任：依法受理申请或者启动程序。2.审查责任：对材料和事实进行审查。3.决定责任：依法作出决定并告知。"
          "4.送达和公开责任：送达决定文书并依法公开。5.事后监管责任：加强事中事后监管。6.其他法律法规规章文件规定应履行的责任。",
    "GG": "1.公开责任：公开服务事项的依据、条件、流程、时限和收费标准。2.受理责任：一次性告知，依法受理服务申请。"
          "3.办理责任：按承诺时限办理并反馈。4.监督责任：接受服务对象评价，对差评整改回访。5.其他法律法规规章文件规定应履行的责任。",
}

ACCOUNTABILITY_HEAD = "因不履行或者不正确履行行政职责，有下列情形的，行政机关及相关工作人员应当承担相应责任："
ACCOUNTABILITY = {
    "XK": "1.对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出准予许可决定的；"
          "2.对不符合法定条件的申请人准予许可或者超越法定职权作出准予许可决定的；3.未依法说明不受理申请或者不予许可理由的；"
          "4.未依法履行告知、听证等程序义务的；5.不依法履行监督职责或者监督不力，造成严重后果的；"
          "6.办理许可、实施监督检查，索取或者收受他人财物或者谋取其他利益的；7.其他违反法律法规规章文件规定的行为。",
    "CF": "1.没有法律和事实依据实施行政处罚的；2.行政处罚显失公正的；3.违反法定的行政处罚程序的；"
          "4.执法人员玩忽职守，对应当予以制止和处罚的违法行为不予制止、处罚，致使公民、法人或者其他组织的合法权益、公共利益和社会秩序遭受损害的；"
          "5.擅自改变行政处罚种类、幅度的；6.违反“罚缴分离”规定擅自收取罚款，或者将罚款、没收的违法所得、财物截留、私分的；"
          "7.在行政处罚过程中滥用职权、徇私舞弊的；8.其他违反法律法规规章文件规定的行为。",
    "QZ": "1.没有法律、法规依据实施行政强制的；2.改变行政强制对象、条件、方式的；3.违反法定程序实施行政强制的；"
          "4.扩大查封、扣押范围，或者使用、截留、私分、变相私分查封扣押的财物的；5.不及时解除查封、扣押，给当事人造成损失的；"
          "6.其他违反法律法规规章文件规定的行为。",
    "ZS": "1.违法擅自征收或者擅自改变征收标准、范围的；2.应征不征、少征，造成国家财政收入流失的；3.截留、挪用、私分征收款项的；"
          "4.违反法定程序征收的；5.其他违反法律法规规章文件规定的行为。",
    "JF": "1.对符合条件的申请不予受理或者不予给付的；2.对不符合条件的准予给付的；3.截留、挤占、挪用给付资金的；"
          "4.未按标准和时限发放的；5.其他违反法律法规规章文件规定的行为。",
    "JC": "1.没有法律和事实依据实施检查的；2.检查中滥用职权、玩忽职守、徇私舞弊的；3.对发现的违法行为未依法处理或者移送的；"
          "4.违反“双随机、一公开”要求随意检查、重复检查，干扰正常生产经营的；5.泄露检查中知悉的商业秘密、个人信息的；"
          "6.其他违反法律法规规章文件规定的行为。",
    "QR": "1.对符合条件的不予确认或者对不符合条件的予以确认的；2.未在法定期限内作出确认决定的；3.未依法说明不予确认理由的；"
          "4.在确认过程中索取或者收受他人财物的；5.其他违反法律法规规章文件规定的行为。",
    "JL": "1.对符合条件的不予奖励或者对不符合条件的予以奖励的；2.奖励程序不公开、不公正的；3.截留、挪用奖励资金的；"
          "4.其他违反法律法规规章文件规定的行为。",
    "CJ": "1.对符合条件的裁决申请不予受理的；2.裁决违反法定程序或者显失公正的；3.在裁决过程中徇私舞弊、收受财物的；"
          "4.其他违反法律法规规章文件规定的行为。",
    "QT": "1.对符合条件的申请不予办理或者对不符合条件的予以办理的；2.未在规定期限内办结的；3.违反法定程序的；"
          "4.在办理过程中滥用职权、玩忽职守、徇私舞弊的；5.其他违反法律法规规章文件规定的行为。",
    "GG": "1.未公开服务事项或者一次性告知不到位的；2.无正当理由拒绝、拖延办理的；3.服务态度恶劣、推诿扯皮，造成不良影响的；"
          "4.违规收费的；5.其他违反法律法规规章文件规定的行为。",
}

DIGITS = "零一二三四五六七八九"


def cn(n):
    """Chinese numerals of an article number, as laws write them (第一百二十二条, 第十条, 第二十条)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    h, rest = divmod(n, 100)
    if rest == 0:
        return DIGITS[h] + "百"
    if rest < 10:
        return DIGITS[h] + "百零" + DIGITS[rest]
    return DIGITS[h] + "百" + (DIGITS[rest // 10] if rest >= 10 else "") + "十" + (DIGITS[rest % 10] if rest % 10 else "")


def basis(law, article):
    if article is None:
        return "《" + law + "》"
    if isinstance(article, str):
        return "《" + law + "》" + article
    return "《" + law + "》第" + cn(article) + "条"


def load_units():
    with open(os.path.join(ROOT, "units", "city-units.json"), encoding="utf-8") as f:
        return {u["code"]: u for u in json.load(f)["units"]}


def build(code, unit, entries):
    duties = {d["number"] for d in unit["mandate"]["duties"]}
    bodies = set(unit["mandate"]["internalBodies"])
    counters = {}
    items = []
    for kind, duty, body, name, law, article in entries:
        if kind not in TYPES:
            raise SystemExit(f"{code}: unknown kind {kind} ({name})")
        if duty is not None and duty not in duties:
            raise SystemExit(f"{code}: duty {duty} missing from the mandate ({name})")
        if body is not None and body not in bodies:
            raise SystemExit(f"{code}: {body} is not an internal body ({name})")
        counters[kind] = counters.get(kind, 0) + 1
        items.append({
            "code": f"{code}-{kind}-{counters[kind]:03d}",
            "name": name,
            "type": TYPES[kind],
            "basis": basis(law, article),
            "subject": unit["name"] + (f"（{body}）" if body else ""),
            "responsibilities": RESPONSIBILITIES[kind],
            "accountability": ACCOUNTABILITY_HEAD + ACCOUNTABILITY[kind],
            "dutyNumber": duty,
        })
    names = [i["name"] for i in items]
    if len(names) != len(set(names)):
        dupes = sorted({n for n in names if names.count(n) > 1})
        raise SystemExit(f"{code}: duplicate item names {dupes}")
    return items


def main():
    units = load_units()
    out_dir = os.path.join(ROOT, "power-lists")
    os.makedirs(out_dir, exist_ok=True)
    summary = []
    for code, entries in sorted(power_catalog.catalog().items()):
        items = build(code, units[code], entries)
        with open(os.path.join(out_dir, code + ".json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(items, ensure_ascii=False, indent=1) + "\n")
        unmapped = sum(1 for i in items if i["dutyNumber"] is None)
        covered = {i["dutyNumber"] for i in items if i["dutyNumber"] is not None}
        bare = sorted(d["number"] for d in units[code]["mandate"]["duties"] if d["number"] not in covered)
        summary.append(f"{code}: {len(items)} items, {unmapped} without a duty, duties without items {bare}")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
