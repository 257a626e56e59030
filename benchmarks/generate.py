"""Synthetic press releases about G7 ministerial meetings, for the ingest benchmarks.

    python benchmarks/generate.py N OUT_DIR [--seed S]

writes N plain-text releases (UTF-8, about the bundled seeds' size: 5-10 KB)
under OUT_DIR/<year>/ and prints the number written. Everything is drawn
from the small tables below with a seeded random generator, so the same N
and seed always give the same files.

The releases imitate the genre of seeds/*.txt but every person in them is
invented (no real minister's name; none of the seeds' delegates, so
`--delegate Kono` or `--delegate Hasegawa` still find only the seeds).
Four layouts, two per language:

- en-mic: a dated headline, numbered sections, bracketed participant lists,
  a bullet list of bilateral talks ("- Italy: Name, Role");
- en-da:  a web page: menu lines, "Published on", narrative paragraphs, one
  numbered sub-section per bilateral talk with a photo caption;
- ja-mic: 報道資料 with an era date (令和/平成/昭和), 【】 participant lists,
  bulleted talks (・イタリア　名前　役職);
- ja-meti: a breadcrumb, a western date, "(1)国名の名前役職との意見交換" talks.

A meeting is reported by one to four releases (different layouts, so in
both languages), as real meetings are; their facts agree, so ingest merges
them (2.3 releases a meeting on average). Each meeting has its own host,
year and days (three-day slots from January 4): two meetings never overlap
by accident until there are more of them than slots (43,680, i.e. N of
about 100,000); beyond that some share days and merge.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

# --- tables -----------------------------------------------------------------

# (English title, Japanese title, ministry of Japan's delegation)
MEETINGS = [
    ("G7 Digital and Tech Ministers' Meeting", "G7デジタル・技術大臣会合", "mic"),
    ("G7 ICT Ministers' Meeting", "G7情報通信大臣会合", "mic"),
    ("G7 Industry, Technology and Digital Ministerial Meeting", "G7産業・技術・デジタル大臣会合", "meti"),
    ("G7 Trade Ministers' Meeting", "G7貿易大臣会合", "meti"),
    ("G7 Industry and Digital Ministers' Meeting", "G7産業・デジタル大臣会合", "meti"),
    ("G7 Digital Ministers' Meeting", "G7デジタル大臣会合", "digital"),
    ("G7 Science and Technology Ministers' Meeting", "G7科学技術大臣会合", "mic"),
    ("G7 Energy and Environment Ministers' Meeting", "G7エネルギー・環境大臣会合", "meti"),
]

# code: (English, Japanese, [(city, city in Japanese)])
HOSTS = {
    "IT": ("Italy", "イタリア", [("Rome", "ローマ"), ("Milan", "ミラノ"), ("Turin", "トリノ"),
                               ("Florence", "フィレンツェ"), ("Naples", "ナポリ"), ("Taormina", "タオルミーナ")]),
    "FR": ("France", "フランス", [("Paris", "パリ"), ("Lyon", "リヨン"), ("Nice", "ニース"),
                                ("Bordeaux", "ボルドー"), ("Strasbourg", "ストラスブール")]),
    "DE": ("Germany", "ドイツ", [("Berlin", "ベルリン"), ("Bonn", "ボン"), ("Munich", "ミュンヘン"),
                               ("Hamburg", "ハンブルク"), ("Dresden", "ドレスデン")]),
    "GB": ("the UK", "英国", [("London", "ロンドン"), ("Edinburgh", "エディンバラ"), ("Cardiff", "カーディフ"),
                            ("Manchester", "マンチェスター"), ("Liverpool", "リバプール")]),
    "US": ("the USA", "米国", [("Boston", "ボストン"), ("Chicago", "シカゴ"), ("Seattle", "シアトル")]),
    "CA": ("Canada", "カナダ", [("Ottawa", "オタワ"), ("Toronto", "トロント"), ("Montreal", "モントリオール"),
                              ("Vancouver", "バンクーバー"), ("Halifax", "ハリファックス")]),
    "JP": ("Japan", "日本", [("Takamatsu", "高松"), ("Sendai", "仙台"), ("Nagoya", "名古屋"),
                           ("Kobe", "神戸"), ("Sapporo", "札幌")]),
}
G7 = ["CA", "EU", "FR", "DE", "IT", "JP", "GB", "US"]
MEMBER_NAMES = {"CA": ("Canada", "カナダ"), "EU": ("the EU", "EU"), "FR": ("France", "フランス"),
                "DE": ("Germany", "ドイツ"), "IT": ("Italy", "イタリア"), "JP": ("Japan", "日本"),
                "GB": ("the UK", "イギリス"), "US": ("the USA", "アメリカ")}
INVITED = [("India", "インド"), ("Brazil", "ブラジル"), ("South Korea", "韓国"), ("Australia", "オーストラリア"),
           ("South Africa", "南アフリカ"), ("Indonesia", "インドネシア"), ("Kenya", "ケニア"), ("Ukraine", "ウクライナ")]
ORGS = [("OECD", "OECD"), ("ITU", "ITU"), ("UNESCO", "UNESCO"), ("World Bank", "世界銀行"), ("IEA", "IEA")]

# Invented Japanese delegates: (romanised full name, surname, surname in kanji)
DELEGATES = [
    ("ASAKURA Ryota", "Asakura", "朝倉"), ("MINEGISHI Kaori", "Minegishi", "峰岸"),
    ("TSUJIMOTO Haruki", "Tsujimoto", "辻本"), ("KIRISHIMA Aya", "Kirishima", "霧島"),
    ("SHIRAISHI Daigo", "Shiraishi", "白石"), ("OBATA Noriko", "Obata", "小幡"),
    ("FUJIEDA Kenji", "Fujieda", "藤枝"), ("YUKAWA Mio", "Yukawa", "湯川"),
    ("KAMIJO Tetsuya", "Kamijo", "上條"), ("NOZAWA Sayuri", "Nozawa", "野沢"),
    ("TACHIBANA Shun", "Tachibana", "立花"), ("MAKIHARA Emi", "Makihara", "槇原"),
]
# ministry: [(English role, Japanese role, short Japanese role for later mentions)]
ROLES = {
    "mic": [("Minister for Internal Affairs and Communications", "総務大臣", "大臣"),
            ("State Minister for Internal Affairs and Communications", "総務副大臣", "副大臣"),
            ("Parliamentary Vice-Minister for Internal Affairs and Communications", "総務大臣政務官", "政務官")],
    "meti": [("Minister of Economy, Trade and Industry", "経済産業大臣", "大臣"),
             ("State Minister of Economy, Trade and Industry", "経済産業副大臣", "副大臣"),
             ("Parliamentary Vice-Minister of Economy, Trade and Industry", "経済産業大臣政務官", "政務官")],
    "digital": [("Minister for Digital Transformation", "デジタル大臣", "大臣"),
                ("State Minister for Digital Transformation", "デジタル副大臣", "副大臣")],
}
MINISTRY = {"mic": ("Ministry of Internal Affairs and Communications", "MIC", "総務省"),
            "meti": ("Ministry of Economy, Trade and Industry", "METI", "経済産業省"),
            "digital": ("Digital Agency", "Digital Agency", "デジタル庁")}

# Invented counterparts: code -> [(name, name in katakana, role, role in Japanese)]
COUNTERPARTS = {
    "IT": [("Lorenzo Bellandi", "ロレンツォ・ベッランディ", "Minister of Enterprises", "企業大臣"),
           ("Giulia Marchetti", "ジュリア・マルケッティ", "Undersecretary for Innovation", "イノベーション担当次官")],
    "FR": [("Camille Dufresne", "カミーユ・デュフレーヌ", "Minister for Digital Affairs", "デジタル担当大臣"),
           ("Antoine Lemaitre", "アントワーヌ・ルメートル", "Minister of Industry", "産業大臣")],
    "DE": [("Katrin Vogelsang", "カトリン・フォーゲルザング", "Federal Minister for Digital Affairs", "連邦デジタル大臣"),
           ("Matthias Brenner", "マティアス・ブレナー", "Parliamentary State Secretary", "政務次官")],
    "GB": [("Oliver Hartley", "オリバー・ハートリー", "Secretary of State for Science", "科学担当大臣"),
           ("Fiona Ashcroft", "フィオナ・アッシュクロフト", "Minister for Data", "データ担当閣外大臣")],
    "US": [("Daniel Whitaker", "ダニエル・ウィテカー", "Under Secretary of Commerce", "商務次官"),
           ("Rachel Donovan", "レイチェル・ドノバン", "Ambassador for Digital Policy", "デジタル政策担当大使")],
    "CA": [("Etienne Beaulieu", "エティエンヌ・ボーリュー", "Minister of Innovation", "イノベーション大臣"),
           ("Sarah MacLeod", "サラ・マクラウド", "Minister of Industry", "産業大臣")],
    "EU": [("Annika Lindqvist", "アニカ・リンドクヴィスト", "Executive Vice-President of the European Commission",
            "欧州委員会上級副委員長")],
}
COUNTRY_OF = {"IT": ("Italy", "イタリア"), "FR": ("France", "フランス"), "DE": ("Germany", "ドイツ"),
              "GB": ("the UK", "英国"), "US": ("the USA", "米国"), "CA": ("Canada", "カナダ"),
              "EU": ("the European Union", "欧州連合(EU)")}

THEMES = [
    ("AI and Emerging Technologies", "AIと新興技術"),
    ("Secure and Resilient Networks", "安全で強靭なネットワーク"),
    ("Data Free Flow with Trust", "信頼性のある自由なデータ流通"),
    ("Digital Government", "デジタル政府"),
    ("Supply Chain Resilience", "サプライチェーンの強靱化"),
    ("Quantum Technologies", "量子技術"),
    ("Semiconductors", "半導体"),
    ("Support for SMEs", "中小企業支援"),
    ("Cybersecurity", "サイバーセキュリティ"),
    ("Digital Inclusion", "デジタル・インクルージョン"),
    ("Standards and Interoperability", "標準化と相互運用性"),
    ("Competition in Digital Markets", "デジタル市場における競争"),
]
EN_FILLER = [
    "The ministers exchanged views on how to make the benefits of new technologies available to people in every region.",
    "{d} stressed the importance of cooperation among like-minded partners and of a stable, rules-based framework.",
    "Participants confirmed that the outcomes of earlier ministerial meetings would be followed up in the working groups.",
    "{d} introduced Japan's recent initiatives, including support programmes for research and development and for skills.",
    "The discussion also covered the role of small and medium-sized enterprises and of local governments in the transition.",
    "Several members pointed to the need for trustworthy infrastructure and for investment in human resources.",
    "{d} called for continued dialogue with industry, academia and civil society on these issues.",
    "The ministers agreed to report on progress at the next meeting under the incoming presidency.",
    "Members shared examples of public services that had been redesigned around the needs of their users, and of the lessons learned along the way.",
    "{d} noted that trust in new technologies depends on transparency, accountability and the protection of personal information.",
    "The ministers welcomed the contributions of international organizations, which had prepared reports and surveys for this meeting.",
    "It was pointed out that the gap between large companies and smaller firms in the adoption of new tools remains wide in many countries.",
    "{d} explained that Japan would continue to share its experience with partner countries, including those in the Global South.",
    "Participants discussed how to measure the economic effects of the policies adopted so far and how to present them to the public.",
    "The importance of energy efficiency and of the environmental footprint of data centres and networks was also raised.",
    "{d} expressed the hope that the outcomes of this meeting would be carried forward through concrete projects over the coming year.",
]
JA_FILLER = [
    "会合では、新たな技術の恩恵をあらゆる地域の人々が享受できるようにするための方策について意見交換が行われました。",
    "{d}からは、同志国間の協力と安定したルールに基づく枠組みの重要性について発信しました。",
    "参加国は、これまでの大臣会合の成果を作業部会において引き続きフォローアップしていくことを確認しました。",
    "{d}からは、研究開発や人材育成の支援策を含む我が国の最近の取組について紹介しました。",
    "議論では、移行における中小企業や地方自治体の役割についても取り上げられました。",
    "複数の参加国から、信頼できるインフラと人材への投資の必要性が指摘されました。",
    "{d}からは、これらの課題について産業界、学界、市民社会との対話を継続していくことを呼びかけました。",
    "次回の議長国の下での会合において進捗を報告することで一致しました。",
    "各国からは、利用者のニーズに即して再設計された公共サービスの事例と、その過程で得られた教訓が共有されました。",
    "{d}からは、新たな技術への信頼は透明性、説明責任及び個人情報の保護にかかっている旨を述べました。",
    "閣僚は、本会合のために報告書や調査を取りまとめた国際機関の貢献を歓迎しました。",
    "多くの国で、新たなツールの導入における大企業と中小企業の格差が依然として大きいことが指摘されました。",
    "{d}からは、我が国がグローバル・サウスを含むパートナー国と引き続き経験を共有していく旨を説明しました。",
    "参加国は、これまでに採択された政策の経済効果をどのように測定し、国民に示していくかについて議論しました。",
    "データセンターやネットワークのエネルギー効率と環境負荷の重要性についても言及がありました。",
    "{d}からは、本会合の成果が今後一年間の具体的なプロジェクトを通じて前進することへの期待を表明しました。",
]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_JA = "月火水木金土日"
LAYOUTS = ["en-mic", "en-da", "ja-mic", "ja-meti"]
FIRST_YEAR, LAST_YEAR = 1975, 2026
SLOT_DAYS, SLOTS_PER_YEAR = 3, 120  # 52 years x 7 hosts x 120 = 43,680 meetings


# --- one meeting ------------------------------------------------------------

class Meeting:
    def __init__(self, k: int, rng: random.Random, combos: list[tuple[int, str]]):
        self.k = k
        year, self.host = combos[k % len(combos)]
        slot = (k // len(combos)) % SLOTS_PER_YEAR
        self.start = dt.date(year, 1, 4) + dt.timedelta(days=SLOT_DAYS * slot)
        self.days = [self.start + dt.timedelta(days=i) for i in range(rng.choice((1, 2, 2)))]
        self.title_en, self.title_ja, self.ministry = rng.choice(MEETINGS)
        self.host_en, self.host_ja, cities = HOSTS[self.host]
        self.cities = rng.sample(cities, rng.choice((1, 1, 1, 2)))
        self.delegate = rng.choice(DELEGATES)
        self.role = rng.choice(ROLES[self.ministry])
        others = [c for c in COUNTERPARTS if c != "JP"]
        self.talks = [(code, rng.choice(COUNTERPARTS[code]))
                      for code in rng.sample(others, rng.randint(2, 5))]
        self.themes = rng.sample(THEMES, rng.randint(3, 6))
        self.invited = rng.sample(INVITED, rng.randint(0, 4))
        self.orgs = rng.sample(ORGS, rng.randint(1, 4))
        self.published = self.days[-1] + dt.timedelta(days=rng.randint(1, 4))
        self.n_annexes = rng.randint(0, 3)


# --- dates ------------------------------------------------------------------

def en_date(d: dt.date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def en_days(days: list[dt.date]) -> str:
    if len(days) == 1:
        return f"On {days[0]:%B} {days[0].day} ({WEEKDAYS_EN[days[0].weekday()]}), {days[0].year}"
    a, b = days[0], days[-1]
    second = f"{b.day}" if b.month == a.month else f"{b:%B} {b.day}"
    return (f"On {a:%B} {a.day} ({WEEKDAYS_EN[a.weekday()]}) and {second} ({WEEKDAYS_EN[b.weekday()]}), "
            f"{b.year}")


def era(d: dt.date) -> str:
    if d >= dt.date(2019, 5, 1):
        name, base = "令和", 2018
    elif d >= dt.date(1989, 1, 8):
        name, base = "平成", 1988
    else:
        name, base = "昭和", 1925
    n = d.year - base
    return f"{name}{'元' if n == 1 else n}年{d.month}月{d.day}日"


def ja_days(days: list[dt.date], era_style: bool) -> str:
    first = era(days[0]) if era_style else f"{days[0].year}年{days[0].month}月{days[0].day}日"
    out = f"{first}({WEEKDAYS_JA[days[0].weekday()]})"
    if len(days) > 1:
        b = days[-1]
        out += f"及び{'' if b.month == days[0].month else f'{b.month}月'}{b.day}日({WEEKDAYS_JA[b.weekday()]})"
    return out


# --- layouts ----------------------------------------------------------------

def _filler(rng: random.Random, table: list[str], who: str, n: int) -> list[str]:
    return [s.format(d=who) for s in rng.choices(table, k=n)]


def en_mic(m: Meeting, rng: random.Random) -> str:
    full, surname, _ = m.delegate
    role_en = m.role[0]
    place = " and ".join(c for c, _ in m.cities)
    members = ", ".join(MEMBER_NAMES[c][0] + (" (presidency)" if c == m.host else "") for c in G7)
    themes = ", ".join(f"“{t}”" for t, _ in m.themes)
    out = [
        f"{en_date(m.published)} Results of the {m.title_en}",
        f"{en_days(m.days)}, the {m.title_en} was held in {m.host_en} ({place}), and {role_en} {full} attended "
        f"from the {MINISTRY[m.ministry][0]} ({MINISTRY[m.ministry][1]}). G7 member countries and regions as well as "
        "invited countries and related international organizations participated.",
        "1. Date",
        en_days(m.days)[3:],
        "2. Participating countries, regions, and international organizations",
        "[ G7 member countries and regions ]",
        members,
    ]
    if m.invited:
        out += ["[ Invited countries ]", ", ".join(c for c, _ in m.invited)]
    out += ["[ International organizations ]", ", ".join(o for o, _ in m.orgs),
            "3. Main outcomes of discussions at the meeting",
            f"The meeting included discussion on {len(m.themes)} themes ({themes})."]
    for t, _ in m.themes:
        out.append(f"In the discussion on {t.lower()}, {surname} spoke about Japan's approach and "
                   + rng.choice(EN_FILLER).format(d="he").lower())
    out += _filler(rng, EN_FILLER, surname, rng.randint(26, 38))
    out.append(f"After the discussions among the ministers, the {m.title_en.replace('Meeting', 'Declaration')} "
               "was adopted as the outcome of the meeting.")
    out.append("4. Outline of bilateral talks, etc.")
    out.append(f"Making the most of this meeting, {surname} held bilateral talks with the ministers and others "
               "listed below, and exchanged opinions on policy issues shared with each counterpart:")
    for code, (name, _, role, _) in m.talks:
        country = COUNTRY_OF[code][0]
        out.append(f"- {country[0].upper() + country[1:]}: {name}, {role}")
    out += ["Contact", f"Global Strategy Division, {MINISTRY[m.ministry][1]}", "TEL: +81 3 5253 5920"]
    return "\n".join(out) + "\n"


def en_da(m: Meeting, rng: random.Random) -> str:
    full, surname, _ = m.delegate
    role_en = m.role[0]
    short = "Minister" if "Minister for" in role_en or "Minister of" in role_en else "State Minister"
    place = " and ".join(c for c, _ in m.cities)
    out = ["Skip to main content", "日本語サイト", "", f"Results of {m.title_en}", "",
           f"Published on {en_date(m.published)}", "", "Group photo of participating G7 ministers.", "",
           f"{en_days(m.days)}, the {m.title_en} was held in {place}, {m.host_en.replace('the ', '')}, and "
           f"Mr. {surname}, {role_en} attended the meeting. The meeting was attended by the G7 countries as well "
           "as invited countries and related international organizations.", "", "Overview of the meeting", "",
           f"The {m.title_en} chaired by {m.host_en.replace('the ', '')} took place in {place}, where G7 ministers "
           "held discussions on " + ", ".join(f"{i}) {t}" for i, (t, _) in enumerate(m.themes, 1)) + ".", ""]
    for t, _ in m.themes:
        out += [t, "", " ".join(_filler(rng, EN_FILLER, f"{short} {surname}", rng.randint(7, 10))), ""]
    out += ["Ministerial Declaration and Annexes", "", "Bilateral meetings", "",
            f"Taking the opportunity of the {m.title_en}, {short} {surname} held bilateral meetings and exchanged "
            "views with representatives of participating countries and international organizations.", ""]
    for i, (code, (name, _, role, _)) in enumerate(m.talks, 1):
        last = name.split()[-1]
        country = COUNTRY_OF[code][0].replace("the ", "")
        title = "Ms." if name.split()[0] in {"Giulia", "Camille", "Katrin", "Fiona", "Rachel", "Sarah", "Annika"} else "Mr."
        out += [f"{i}. {country}", "",
                f"{short} {surname} had a meeting with {title} {last}, {role}. They discussed cooperation in the G7, "
                "the use of AI in public administration, and data governance.", "",
                f"Photo of the meeting with {title} {last}. {short} {surname} stands on the left.",
                f"(Meeting with {title} {name}, {role})", ""]
    out += ["Contact Us"]
    return "\n".join(out) + "\n"


def ja_mic(m: Meeting, rng: random.Random) -> str:
    _, _, kanji = m.delegate
    role_ja = m.role[1]
    ministry_ja = MINISTRY[m.ministry][2]
    place = "及び".join(c for _, c in m.cities)
    members = "、".join(MEMBER_NAMES[c][1] + ("(議長国)" if c == m.host else "") for c in G7)
    out = [f"{ministry_ja}トップ > 広報・報道 > 報道資料一覧 > {m.title_ja}の開催結果", "", "報道資料", "",
           era(m.published), "", f"{m.title_ja}の開催結果", "",
           f" {ja_days(m.days, True)}、{m.host_ja}({place})において{m.title_ja}が開催され、{ministry_ja}からは"
           f"{kanji}{role_ja}が出席しました。同会合では、G7構成国・地域のほか、招待国及び関係国際機関が参加し、"
           "政策の諸課題等について議論を行い、成果文書として閣僚宣言が採択されました。", "",
           "1.開催日", "", ja_days(m.days, True), "", "2.出席国・国際機関", "", "【G7構成国・地域】", " " + members]
    if m.invited:
        out += ["【招待国】", " " + "、".join(c for _, c in m.invited)]
    out += ["【国際機関】", " " + "、".join(o for _, o in m.orgs), "", "3.本会合における議論の主な成果", "",
            f" 本会合では、{len(m.themes)}つのテーマ(" + "、".join(f"「{t}」" for _, t in m.themes) + ")について議論が行われました。"]
    out += [" " + s for s in _filler(rng, JA_FILLER, f"{kanji}{role_ja}", rng.randint(26, 38))]
    out += [f" 閣僚間の議論の結果、本会合の成果として、「{m.title_ja.replace('会合', '宣言')}」が採択されました。", ""]
    for i in range(m.n_annexes):
        out.append(f" ・附属書{i + 1}「{m.themes[i % len(m.themes)][1]}に関する文書」")
    out += ["", "4.バイ会談等の概要", "",
            f" また、本会合の機会を捉え、{kanji}{role_ja}は、以下の閣僚等とバイ会談を行い、各相手方と共有する"
            "政策上の課題等について意見交換を実施しました。"]
    for code, (_, name_ja, _, role_ja_cp) in m.talks:
        out.append(f"  • {COUNTRY_OF[code][1]}  {name_ja} {role_ja_cp}")
    out += ["連絡先", "国際戦略局 参事官室", "電話 :03-5253-5921", "", "ページトップへ戻る"]
    return "\n".join(out) + "\n"


def ja_meti(m: Meeting, rng: random.Random) -> str:
    _, _, kanji = m.delegate
    role_ja, short_ja = m.role[1], m.role[2]
    city_en, city_ja = m.cities[0]
    p = m.published
    out = ["- ホーム", "- ニュースリリース", f"- {m.title_ja}に参加しました",
           f"{kanji}{role_ja}が{m.title_ja}に参加しました", f"{p.year}年{p.month}月{p.day}日",
           f"{kanji}{role_ja}は、{ja_days(m.days, False)}に、{m.host_ja}の{city_ja}において開催された"
           f"{m.title_ja}に出席しました。会合では、" + "、".join(t for _, t in m.themes[:3])
           + "等について議論を行い、閣僚宣言を採択しました。また、会合に参加した各国閣僚等と会談を行いました。",
           f"1.{m.title_ja}"]
    out += _filler(rng, JA_FILLER, f"{kanji}{short_ja}", rng.randint(26, 38))
    out += [f"会合の成果として、{m.title_ja.replace('会合', '宣言')}が採択されました。", "2.二国間会談",
            "今回の出張中には、" + "、".join(f"{COUNTRY_OF[c][1]}の{n}{r}" for c, (_, n, _, r) in m.talks)
            + "と会談を実施し、二国間関係等について意見交換を行いました。"]
    for i, (code, (_, name_ja, _, role_ja_cp)) in enumerate(m.talks, 1):
        surname = name_ja.split("・")[-1]
        out += [f"({i}){COUNTRY_OF[code][1]}の{surname}{role_ja_cp}との意見交換",
                f"{kanji}{short_ja}と{surname}{role_ja_cp}は、" + rng.choice(["AI", "量子技術", "半導体", "データ流通"])
                + "分野における協力の重要性について議論を行いました。", ""]
    out += ["関連資料", f"- {m.title_ja.replace('会合', '宣言')}(原文)", "", "担当", "通商政策局 国際経済部",
            "電話:03-3501-1511"]
    return "\n".join(out) + "\n"


RENDER = {"en-mic": en_mic, "en-da": en_da, "ja-mic": ja_mic, "ja-meti": ja_meti}


# --- the corpus ---------------------------------------------------------------

def documents(n: int, seed: int = 7):
    """Yield (relative path, text) for n releases."""
    rng = random.Random(seed)
    combos = [(y, h) for y in range(FIRST_YEAR, LAST_YEAR + 1) for h in HOSTS]
    rng.shuffle(combos)
    written, k = 0, 0
    while written < n:
        m = Meeting(k, rng, combos)
        count = min(n - written, rng.choices((1, 2, 3, 4), weights=(25, 35, 25, 15))[0])
        for layout in rng.sample(LAYOUTS, count):
            text = RENDER[layout](m, rng)
            slug = m.cities[0][0].lower().replace(" ", "-")
            yield f"{m.start.year}/{m.start.year}-{slug}-{k:06d}-{layout}.txt", text
            written += 1
        k += 1


def generate(n: int, out: Path, seed: int = 7) -> int:
    count = 0
    for rel, text in documents(n, seed):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    print(generate(args.n, args.out, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
