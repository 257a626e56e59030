#!/usr/bin/env python3
"""Regenerate the entity gazetteer files from pycountry plus the hand lists below.

    .venv/bin/python scripts/build_entities.py

Writes g7cli/data/entities.tsv, g7cli/data/en/entities.tsv,
g7cli/data/ja/entities.tsv, g7cli/data/en/demonyms.tsv and
g7cli/data/ja/abbreviations.tsv.  Not imported at run time (g7cli reads the
TSV files only).  Edit the hand lists here, not the generated files.
"""
from __future__ import annotations

import gettext
import sys
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "g7cli" / "data"

G7 = {"CA", "FR", "DE", "IT", "JP", "GB", "US", "EU"}

# Canonical English short names where pycountry's ISO name is not what a
# reader expects.
CANONICAL = {
    "BO": "Bolivia", "BN": "Brunei", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CZ": "Czech Republic", "FM": "Micronesia",
    "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea", "KR": "South Korea",
    "LA": "Laos", "MD": "Moldova", "PS": "Palestine", "RU": "Russia", "SY": "Syria",
    "TW": "Taiwan", "TZ": "Tanzania", "US": "United States", "VA": "Vatican City",
    "VE": "Venezuela", "VN": "Vietnam", "TR": "Türkiye", "CV": "Cabo Verde",
    "CI": "Côte d'Ivoire", "SZ": "Eswatini", "MK": "North Macedonia",
    "HK": "Hong Kong", "MO": "Macao", "KN": "Saint Kitts and Nevis",
    "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands",
    "SH": "Saint Helena", "BQ": "Caribbean Netherlands", "FK": "Falkland Islands",
    "TL": "Timor-Leste", "MM": "Myanmar", "SX": "Sint Maarten", "MF": "Saint Martin",
}

# Extra English forms (pycountry's name, common_name and official_name are
# added automatically, with and without a leading "the").
EN_EXTRA = {
    "US": ["United States", "United States of America", "USA", "U.S.A.", "U.S.", "US",
           "America"],
    "GB": ["United Kingdom", "United Kingdom of Great Britain and Northern Ireland",
           "UK", "U.K.", "Britain", "Great Britain"],
    "KR": ["South Korea", "Republic of Korea", "Korea", "ROK"],
    "KP": ["North Korea", "Democratic People's Republic of Korea", "DPRK"],
    "RU": ["Russia", "Russian Federation"],
    "VN": ["Vietnam", "Viet Nam", "Socialist Republic of Vietnam"],
    "AE": ["UAE", "United Arab Emirates", "U.A.E."],
    "CN": ["China", "People's Republic of China", "PRC", "Mainland China"],
    "TW": ["Taiwan", "Chinese Taipei"],
    "TR": ["Türkiye", "Turkiye", "Turkey", "Republic of Türkiye", "Republic of Turkey"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Netherlands", "Holland", "Kingdom of the Netherlands"],
    "DE": ["Germany", "Federal Republic of Germany"],
    "FR": ["France", "French Republic"],
    "IT": ["Italy", "Italian Republic"],
    "JP": ["Japan"],
    "CA": ["Canada"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "LA": ["Laos", "Lao PDR", "Lao People's Democratic Republic"],
    "MD": ["Moldova", "Republic of Moldova"],
    "TZ": ["Tanzania", "United Republic of Tanzania"],
    "VE": ["Venezuela"], "BO": ["Bolivia"], "BN": ["Brunei", "Brunei Darussalam"],
    "FM": ["Micronesia", "Federated States of Micronesia"],
    "PS": ["Palestine", "Palestinian Territories", "State of Palestine"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "CV": ["Cabo Verde", "Cape Verde"],
    "SZ": ["Eswatini", "Swaziland"],
    "MK": ["North Macedonia", "Macedonia"],
    "MM": ["Myanmar", "Burma"],
    "TL": ["Timor-Leste", "East Timor"],
    "HK": ["Hong Kong", "Hong Kong SAR"],
    "MO": ["Macao", "Macau"],
    "PH": ["Philippines"],
    "SA": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
    "ZA": ["South Africa"],
    "NZ": ["New Zealand"],
    "AU": ["Australia", "Commonwealth of Australia"],
    "IN": ["India", "Republic of India"],
    "ID": ["Indonesia", "Republic of Indonesia"],
    "BR": ["Brazil"],
    "MX": ["Mexico", "United Mexican States"],
    "AR": ["Argentina"],
    "UA": ["Ukraine"],
    "SG": ["Singapore"],
    "BA": ["Bosnia and Herzegovina", "Bosnia-Herzegovina"],
    "KN": ["Saint Kitts and Nevis", "St Kitts and Nevis", "St. Kitts and Nevis"],
    "LC": ["Saint Lucia", "St Lucia", "St. Lucia"],
    "VC": ["Saint Vincent and the Grenadines", "St Vincent and the Grenadines"],
    "GM": ["Gambia", "The Gambia"],
    "BS": ["Bahamas", "The Bahamas"],
    "VG": ["British Virgin Islands"], "VI": ["U.S. Virgin Islands", "US Virgin Islands"],
    "FK": ["Falkland Islands"],
    "SH": ["Saint Helena"],
}

# Regions, organisations and G7 engagement groups: code, type, name, English
# aliases, Japanese aliases.
ORGS = [
    ("EU", "region", "European Union",
     ["European Union", "EU", "E.U.", "European Commission", "European Council",
      "Council of the European Union", "Council of the EU"],
     ["欧州連合", "EU", "欧州委員会", "欧州理事会", "欧州連合理事会"]),
    ("UN", "org", "United Nations",
     ["United Nations", "UN", "U.N.", "United Nations Secretariat", "UN Secretariat",
      "Office of the Secretary-General's Envoy on Technology", "Office of the UN Tech Envoy"],
     ["国連", "国際連合", "国連事務局", "国際連合事務局", "国連事務総長技術特使室"]),
    ("OECD", "org", "OECD",
     ["Organisation for Economic Co-operation and Development",
      "Organization for Economic Co-operation and Development",
      "Organisation for Economic Cooperation and Development",
      "Organization for Economic Cooperation and Development", "OECD"],
     ["経済協力開発機構", "OECD"]),
    ("ITU", "org", "International Telecommunication Union",
     ["International Telecommunication Union", "International Telecommunications Union", "ITU"],
     ["国際電気通信連合", "ITU"]),
    ("UNDP", "org", "United Nations Development Programme",
     ["United Nations Development Programme", "United Nations Development Program",
      "UN Development Programme", "UNDP"],
     ["国連開発計画", "国際連合開発計画", "UNDP"]),
    ("UNESCO", "org", "UNESCO",
     ["United Nations Educational, Scientific and Cultural Organization",
      "United Nations Educational, Scientific and Cultural Organisation", "UNESCO"],
     ["ユネスコ", "国連教育科学文化機関", "国際連合教育科学文化機関", "UNESCO"]),
    ("WBG", "org", "World Bank Group",
     ["World Bank Group", "World Bank", "WBG", "International Bank for Reconstruction and Development",
      "IBRD"],
     ["世界銀行", "世界銀行グループ", "世銀", "国際復興開発銀行"]),
    ("WTO", "org", "World Trade Organization",
     ["World Trade Organization", "World Trade Organisation", "WTO"], ["世界貿易機関", "WTO"]),
    ("ERIA", "org", "Economic Research Institute for ASEAN and East Asia",
     ["Economic Research Institute for ASEAN and East Asia", "ERIA"],
     ["東アジア・アセアン経済研究センター", "東アジアASEAN経済研究センター",
      "東アジア・ASEAN経済研究センター", "ERIA"]),
    ("IMF", "org", "International Monetary Fund", ["International Monetary Fund", "IMF"],
     ["国際通貨基金", "IMF"]),
    ("WHO", "org", "World Health Organization",
     ["World Health Organization", "World Health Organisation", "WHO"], ["世界保健機関", "WHO"]),
    ("IEA", "org", "International Energy Agency", ["International Energy Agency", "IEA"],
     ["国際エネルギー機関", "IEA"]),
    ("IEF", "org", "International Energy Forum", ["International Energy Forum", "IEF"],
     ["国際エネルギー・フォーラム", "国際エネルギーフォーラム", "IEF"]),
    ("IRENA", "org", "International Renewable Energy Agency",
     ["International Renewable Energy Agency", "IRENA"], ["国際再生可能エネルギー機関", "IRENA"]),
    ("IAEA", "org", "International Atomic Energy Agency",
     ["International Atomic Energy Agency", "IAEA"], ["国際原子力機関", "IAEA"]),
    ("ASEAN", "org", "ASEAN",
     ["Association of Southeast Asian Nations", "Association of South-East Asian Nations", "ASEAN",
      "ASEAN Secretariat"],
     ["東南アジア諸国連合", "アセアン", "ASEAN", "ASEAN事務局"]),
    ("AFRICAN-UNION", "org", "African Union",
     ["African Union", "African Union Commission", "AU", "AUC"],
     ["アフリカ連合", "アフリカ連合委員会", "AU"]),
    ("B7", "org", "Business 7", ["Business 7", "Business7", "B7"], ["B7", "ビジネス7"]),
    ("Y7", "org", "Youth 7", ["Youth 7", "Youth7", "Y7"], ["Y7", "ユース7"]),
    ("C7", "org", "Civil 7", ["Civil 7", "Civil7", "Civil Society 7", "C7"], ["C7", "シビル7"]),
    ("L7", "org", "Labour 7", ["Labour 7", "Labor 7", "Labour7", "L7"], ["L7", "レイバー7"]),
    ("S7", "org", "Science 7", ["Science 7", "Science7", "S7"], ["S7", "サイエンス7"]),
    ("T7", "org", "Think 7", ["Think 7", "Think7", "Think Tank 7", "T7"], ["T7", "シンク7"]),
    ("W7", "org", "Women 7", ["Women 7", "Women7", "W7"], ["W7", "ウィメン7"]),
    ("GPAI", "org", "Global Partnership on Artificial Intelligence",
     ["Global Partnership on Artificial Intelligence", "Global Partnership on AI", "GPAI"],
     ["AIに関するグローバル・パートナーシップ", "AIに関するグローバルパートナーシップ",
      "人工知能に関するグローバル・パートナーシップ", "GPAI"]),
    ("APEC", "org", "APEC", ["Asia-Pacific Economic Cooperation", "Asia Pacific Economic Cooperation", "APEC"],
     ["アジア太平洋経済協力", "APEC"]),
    ("G20", "org", "G20", ["G20", "Group of Twenty", "G-20"], ["G20", "20か国・地域", "G20"]),
    ("ILO", "org", "International Labour Organization",
     ["International Labour Organization", "International Labor Organization",
      "International Labour Organisation", "ILO"], ["国際労働機関", "ILO"]),
    ("WIPO", "org", "World Intellectual Property Organization",
     ["World Intellectual Property Organization", "World Intellectual Property Organisation", "WIPO"],
     ["世界知的所有権機関", "WIPO"]),
    ("UNCTAD", "org", "UNCTAD", ["United Nations Conference on Trade and Development", "UNCTAD"],
     ["国連貿易開発会議", "国際連合貿易開発会議", "UNCTAD"]),
    ("UNIDO", "org", "UNIDO", ["United Nations Industrial Development Organization", "UNIDO"],
     ["国連工業開発機関", "国際連合工業開発機関", "UNIDO"]),
    ("UNEP", "org", "United Nations Environment Programme",
     ["United Nations Environment Programme", "UN Environment Programme", "UNEP"],
     ["国連環境計画", "UNEP"]),
    ("UNICEF", "org", "UNICEF", ["United Nations Children's Fund", "UNICEF"], ["ユニセフ", "国連児童基金", "UNICEF"]),
    ("UNHCR", "org", "UNHCR", ["United Nations High Commissioner for Refugees", "UNHCR"],
     ["国連難民高等弁務官事務所", "UNHCR"]),
    ("OHCHR", "org", "OHCHR", ["Office of the United Nations High Commissioner for Human Rights", "OHCHR"],
     ["国連人権高等弁務官事務所", "OHCHR"]),
    ("FAO", "org", "Food and Agriculture Organization",
     ["Food and Agriculture Organization", "Food and Agriculture Organization of the United Nations", "FAO"],
     ["国連食糧農業機関", "国際連合食糧農業機関", "FAO"]),
    ("WFP", "org", "World Food Programme", ["World Food Programme", "World Food Program", "WFP"],
     ["国連世界食糧計画", "世界食糧計画", "WFP"]),
    ("IOM", "org", "International Organization for Migration",
     ["International Organization for Migration", "IOM"], ["国際移住機関", "IOM"]),
    ("ICAO", "org", "International Civil Aviation Organization",
     ["International Civil Aviation Organization", "ICAO"], ["国際民間航空機関", "ICAO"]),
    ("IMO", "org", "International Maritime Organization",
     ["International Maritime Organization", "IMO"], ["国際海事機関", "IMO"]),
    ("UPU", "org", "Universal Postal Union", ["Universal Postal Union", "UPU"], ["万国郵便連合", "UPU"]),
    ("WMO", "org", "World Meteorological Organization",
     ["World Meteorological Organization", "WMO"], ["世界気象機関", "WMO"]),
    ("UNFCCC", "org", "UNFCCC", ["United Nations Framework Convention on Climate Change", "UNFCCC"],
     ["国連気候変動枠組条約", "UNFCCC"]),
    ("ADB", "org", "Asian Development Bank", ["Asian Development Bank", "ADB"], ["アジア開発銀行", "ADB"]),
    ("IDB", "org", "Inter-American Development Bank",
     ["Inter-American Development Bank", "IDB", "IADB"], ["米州開発銀行", "IDB"]),
    ("AFDB", "org", "African Development Bank", ["African Development Bank", "AfDB"],
     ["アフリカ開発銀行", "AfDB"]),
    ("EBRD", "org", "European Bank for Reconstruction and Development",
     ["European Bank for Reconstruction and Development", "EBRD"], ["欧州復興開発銀行", "EBRD"]),
    ("EIB", "org", "European Investment Bank", ["European Investment Bank", "EIB"], ["欧州投資銀行", "EIB"]),
    ("AIIB", "org", "Asian Infrastructure Investment Bank",
     ["Asian Infrastructure Investment Bank", "AIIB"], ["アジアインフラ投資銀行", "AIIB"]),
    ("NATO", "org", "NATO", ["North Atlantic Treaty Organization", "NATO"], ["北大西洋条約機構", "NATO"]),
    ("OSCE", "org", "OSCE", ["Organization for Security and Co-operation in Europe", "OSCE"],
     ["欧州安全保障協力機構", "OSCE"]),
    ("COE", "org", "Council of Europe", ["Council of Europe", "CoE"], ["欧州評議会"]),
    ("GCC", "org", "Gulf Cooperation Council", ["Gulf Cooperation Council", "GCC"], ["湾岸協力理事会", "GCC"]),
    ("OAS", "org", "Organization of American States", ["Organization of American States", "OAS"],
     ["米州機構", "OAS"]),
    ("WEF", "org", "World Economic Forum", ["World Economic Forum", "WEF"], ["世界経済フォーラム", "WEF"]),
    ("IGF", "org", "Internet Governance Forum", ["Internet Governance Forum", "IGF"],
     ["インターネット・ガバナンス・フォーラム", "インターネットガバナンスフォーラム", "IGF"]),
    ("FOC", "org", "Freedom Online Coalition", ["Freedom Online Coalition"],
     ["フリーダム・オンライン連合", "フリーダム・オンライン・コアリション"]),
    ("GFCE", "org", "Global Forum on Cyber Expertise", ["Global Forum on Cyber Expertise", "GFCE"],
     ["サイバー専門知識に関するグローバル・フォーラム", "GFCE"]),
    ("ICANN", "org", "ICANN", ["Internet Corporation for Assigned Names and Numbers", "ICANN"], ["ICANN"]),
    ("IETF", "org", "Internet Engineering Task Force", ["Internet Engineering Task Force", "IETF"], ["IETF"]),
    ("ISO", "org", "International Organization for Standardization",
     ["International Organization for Standardization"], ["国際標準化機構"]),
    ("IEC", "org", "International Electrotechnical Commission",
     ["International Electrotechnical Commission", "IEC"], ["国際電気標準会議", "IEC"]),
    ("FSB", "org", "Financial Stability Board", ["Financial Stability Board", "FSB"], ["金融安定理事会", "FSB"]),
    ("BIS", "org", "Bank for International Settlements", ["Bank for International Settlements"],
     ["国際決済銀行"]),
    ("IPEF", "org", "IPEF", ["Indo-Pacific Economic Framework", "Indo-Pacific Economic Framework for Prosperity", "IPEF"],
     ["インド太平洋経済枠組み", "IPEF"]),
    ("OPEC", "org", "OPEC", ["Organization of the Petroleum Exporting Countries", "OPEC"],
     ["石油輸出国機構", "OPEC"]),
    ("ECOWAS", "org", "ECOWAS", ["Economic Community of West African States", "ECOWAS"],
     ["西アフリカ諸国経済共同体", "ECOWAS"]),
    ("PIF", "org", "Pacific Islands Forum", ["Pacific Islands Forum"], ["太平洋諸島フォーラム"]),
]

# Forms that contain a country alias but are not that country: they map to
# "-" so that the longest-match rule swallows them.
BLOCKED_EN = ["Latin America", "North America", "South America", "Central America",
              "Americas", "Indo-Pacific", "Korean Peninsula", "New England", "New Mexico",
              "Northern Ireland", "Georgia Tech", "Chad Smith", "Jordan Valley",
              "Turkey Point", "East Asia", "Southeast Asia", "South Asia", "Central Asia",
              "Western Balkans", "Middle East", "West Africa", "East Africa", "North Africa",
              "Sub-Saharan Africa", "Southern Africa", "Central Africa", "Pacific Islands",
              "American Samoa", "Indian Ocean", "Guinea pig", "Western Sahara",
              "New Caledonia", "New Guinea", "South Sudan", "Niger Delta"]
BLOCKED_JA = ["インド太平洋", "インド洋", "南アメリカ", "北アメリカ", "中央アメリカ", "ラテンアメリカ",
              "ラテン・アメリカ", "アメリカ大陸", "アメリカン", "朝鮮半島", "日本語", "英語", "中国語",
              "中国地方", "ドイツ語", "フランス語", "イタリア語", "スペイン語", "韓国語", "ロシア語",
              "東アジア", "東南アジア", "南アジア", "中央アジア", "西バルカン", "中東", "北アフリカ",
              "西アフリカ", "東アフリカ", "中部アフリカ", "太平洋島嶼国", "ニューギニア",
              "米州", "欧州評議会", "中国・四国", "中国四国", "中国経済産業局", "中国総合通信局",
              "中国地方整備局", "中国運輸局", "東日本", "西日本"]

# ja forms pycountry lacks or spells unusually.
JA_EXTRA = {
    "US": ["米国", "アメリカ", "アメリカ合衆国", "合衆国"],
    "GB": ["英国", "イギリス", "連合王国", "グレートブリテン及び北アイルランド連合王国", "グレートブリテン"],
    "FR": ["フランス", "フランス共和国"],
    "DE": ["ドイツ", "ドイツ連邦共和国"],
    "IT": ["イタリア", "イタリア共和国"],
    "CA": ["カナダ"],
    "JP": ["日本", "我が国", "わが国", "日本国"],
    "KR": ["韓国", "大韓民国"],
    "KP": ["北朝鮮", "朝鮮民主主義人民共和国"],
    "AU": ["オーストラリア", "豪州", "オーストラリア連邦"],
    "RU": ["ロシア", "ロシア連邦"],
    "VN": ["ベトナム", "ヴェトナム", "ベトナム社会主義共和国"],
    "CN": ["中国", "中華人民共和国"],
    "TW": ["台湾"],
    "IN": ["インド", "インド共和国"],
    "ID": ["インドネシア", "インドネシア共和国"],
    "BR": ["ブラジル", "ブラジル連邦共和国"],
    "ZA": ["南アフリカ", "南アフリカ共和国", "南ア"],
    "AE": ["アラブ首長国連邦", "UAE"],
    "SA": ["サウジアラビア", "サウジアラビア王国", "サウジ"],
    "MX": ["メキシコ", "メキシコ合衆国"],
    "AR": ["アルゼンチン", "アルゼンチン共和国"],
    "TR": ["トルコ", "トルコ共和国", "テュルキエ", "トゥルキエ"],
    "UA": ["ウクライナ"],
    "NZ": ["ニュージーランド", "NZ"],
    "SG": ["シンガポール", "シンガポール共和国"],
    "NL": ["オランダ", "オランダ王国"],
    "CZ": ["チェコ", "チェコ共和国"],
    "IR": ["イラン", "イラン・イスラム共和国"],
    "SY": ["シリア", "シリア・アラブ共和国"],
    "LA": ["ラオス", "ラオス人民民主共和国"],
    "MD": ["モルドバ", "モルドヴァ", "モルドバ共和国"],
    "TZ": ["タンザニア", "タンザニア連合共和国"],
    "VE": ["ベネズエラ", "ベネズエラ・ボリバル共和国"],
    "BO": ["ボリビア", "ボリビア多民族国"],
    "BN": ["ブルネイ", "ブルネイ・ダルサラーム国"],
    "FM": ["ミクロネシア", "ミクロネシア連邦"],
    "PS": ["パレスチナ"],
    "VA": ["バチカン", "ローマ教皇庁", "バチカン市国"],
    "CD": ["コンゴ民主共和国"],
    "CG": ["コンゴ共和国"],
    "CI": ["コートジボワール", "コートジボワール共和国"],
    "CV": ["カーボベルデ", "カーボヴェルデ"],
    "SZ": ["エスワティニ", "スワジランド"],
    "MK": ["北マケドニア", "北マケドニア共和国", "マケドニア"],
    "MM": ["ミャンマー", "ミャンマー連邦共和国"],
    "TL": ["東ティモール", "東ティモール民主共和国"],
    "HK": ["香港"],
    "MO": ["マカオ"],
    "PH": ["フィリピン", "フィリピン共和国"],
    "MY": ["マレーシア"],
    "TH": ["タイ", "タイ王国"],
    "KH": ["カンボジア", "カンボジア王国"],
    "EG": ["エジプト", "エジプト・アラブ共和国"],
    "KE": ["ケニア", "ケニア共和国"],
    "NG": ["ナイジェリア", "ナイジェリア連邦共和国"],
    "GH": ["ガーナ", "ガーナ共和国"],
    "SN": ["セネガル", "セネガル共和国"],
    "RW": ["ルワンダ", "ルワンダ共和国"],
    "ES": ["スペイン", "スペイン王国"],
    "PL": ["ポーランド", "ポーランド共和国"],
    "CH": ["スイス", "スイス連邦"],
    "SE": ["スウェーデン", "スウェーデン王国"],
    "NO": ["ノルウェー", "ノルウェー王国"],
    "DK": ["デンマーク", "デンマーク王国"],
    "FI": ["フィンランド", "フィンランド共和国"],
    "IE": ["アイルランド"],
    "BE": ["ベルギー", "ベルギー王国"],
    "AT": ["オーストリア", "オーストリア共和国"],
    "PT": ["ポルトガル", "ポルトガル共和国"],
    "GR": ["ギリシャ", "ギリシア", "ギリシャ共和国"],
    "IL": ["イスラエル", "イスラエル国"],
    "QA": ["カタール", "カタール国"],
    "CL": ["チリ", "チリ共和国"],
    "EE": ["エストニア", "エストニア共和国"],
    "LT": ["リトアニア", "リトアニア共和国"],
    "LV": ["ラトビア", "ラトヴィア", "ラトビア共和国"],
    "GE": ["ジョージア", "グルジア"],
    "BY": ["ベラルーシ", "ベラルーシ共和国"],
    "KZ": ["カザフスタン", "カザフスタン共和国"],
    "BD": ["バングラデシュ", "バングラデシュ人民共和国"],
    "LK": ["スリランカ", "スリランカ民主社会主義共和国"],
    "CU": ["キューバ", "キューバ共和国"],
    "GT": ["グアテマラ", "グアテマラ共和国"],
    "DO": ["ドミニカ共和国"],
    "DM": ["ドミニカ国"],
    "BA": ["ボスニア・ヘルツェゴビナ", "ボスニア・ヘルツェゴヴィナ"],
    "PG": ["パプアニューギニア", "パプアニューギニア独立国"],
    "GM": ["ガンビア", "ガンビア共和国"],
    "MA": ["モロッコ", "モロッコ王国"],
}

# English adjectives of nationality ("the Canadian Minister of ...").
DEMONYMS = {
    "CA": ["Canadian"], "FR": ["French"], "DE": ["German"], "IT": ["Italian"],
    "JP": ["Japanese"], "GB": ["British", "UK"], "US": ["American", "U.S.", "US"],
    "EU": ["European", "EU"], "KR": ["Korean", "South Korean"], "KP": ["North Korean"],
    "UA": ["Ukrainian"], "IN": ["Indian"], "CN": ["Chinese"], "TW": ["Taiwanese"],
    "AU": ["Australian"], "NZ": ["New Zealand"], "ID": ["Indonesian"], "BR": ["Brazilian"],
    "ZA": ["South African"], "AR": ["Argentine", "Argentinian", "Argentinean"],
    "MX": ["Mexican"], "SA": ["Saudi", "Saudi Arabian"], "AE": ["Emirati", "UAE"],
    "TR": ["Turkish"], "RU": ["Russian"], "SG": ["Singaporean"], "VN": ["Vietnamese"],
    "TH": ["Thai"], "PH": ["Philippine", "Filipino"], "MY": ["Malaysian"],
    "KH": ["Cambodian"], "LA": ["Lao", "Laotian"], "MM": ["Myanmar", "Burmese"],
    "BN": ["Bruneian"], "BD": ["Bangladeshi"], "PK": ["Pakistani"], "LK": ["Sri Lankan"],
    "NP": ["Nepalese", "Nepali"], "MN": ["Mongolian"], "KZ": ["Kazakh", "Kazakhstani"],
    "UZ": ["Uzbek", "Uzbekistani"], "KG": ["Kyrgyz"], "TJ": ["Tajik"], "TM": ["Turkmen"],
    "ES": ["Spanish"], "PT": ["Portuguese"], "NL": ["Dutch"], "BE": ["Belgian"],
    "LU": ["Luxembourgish", "Luxembourg"], "CH": ["Swiss"], "AT": ["Austrian"],
    "IE": ["Irish"], "SE": ["Swedish"], "NO": ["Norwegian"], "DK": ["Danish"],
    "FI": ["Finnish"], "IS": ["Icelandic"], "EE": ["Estonian"], "LV": ["Latvian"],
    "LT": ["Lithuanian"], "PL": ["Polish"], "CZ": ["Czech"], "SK": ["Slovak"],
    "HU": ["Hungarian"], "RO": ["Romanian"], "BG": ["Bulgarian"], "GR": ["Greek"],
    "CY": ["Cypriot"], "MT": ["Maltese"], "HR": ["Croatian"], "SI": ["Slovenian", "Slovene"],
    "RS": ["Serbian"], "BA": ["Bosnian"], "ME": ["Montenegrin"], "MK": ["Macedonian", "North Macedonian"],
    "AL": ["Albanian"], "XK": ["Kosovar"], "MD": ["Moldovan"], "BY": ["Belarusian"],
    "GE": ["Georgian"], "AM": ["Armenian"], "AZ": ["Azerbaijani"], "IL": ["Israeli"],
    "PS": ["Palestinian"], "JO": ["Jordanian"], "LB": ["Lebanese"], "SY": ["Syrian"],
    "IQ": ["Iraqi"], "IR": ["Iranian"], "KW": ["Kuwaiti"], "QA": ["Qatari"],
    "BH": ["Bahraini"], "OM": ["Omani"], "YE": ["Yemeni"], "EG": ["Egyptian"],
    "LY": ["Libyan"], "TN": ["Tunisian"], "DZ": ["Algerian"], "MA": ["Moroccan"],
    "SD": ["Sudanese"], "SS": ["South Sudanese"], "ET": ["Ethiopian"], "KE": ["Kenyan"],
    "TZ": ["Tanzanian"], "UG": ["Ugandan"], "RW": ["Rwandan"], "SO": ["Somali"],
    "NG": ["Nigerian"], "GH": ["Ghanaian"], "SN": ["Senegalese"], "CI": ["Ivorian"],
    "ML": ["Malian"], "NE": ["Nigerien"], "BF": ["Burkinabe"], "CM": ["Cameroonian"],
    "CD": ["Congolese"], "AO": ["Angolan"], "ZM": ["Zambian"], "ZW": ["Zimbabwean"],
    "MZ": ["Mozambican"], "MW": ["Malawian"], "NA": ["Namibian"], "BW": ["Botswanan"],
    "MG": ["Malagasy"], "MU": ["Mauritian"], "CL": ["Chilean"], "PE": ["Peruvian"],
    "CO": ["Colombian"], "VE": ["Venezuelan"], "EC": ["Ecuadorian"], "BO": ["Bolivian"],
    "PY": ["Paraguayan"], "UY": ["Uruguayan"], "CU": ["Cuban"], "JM": ["Jamaican"],
    "CR": ["Costa Rican"], "PA": ["Panamanian"], "GT": ["Guatemalan"], "HN": ["Honduran"],
    "SV": ["Salvadoran"], "NI": ["Nicaraguan"], "DO": ["Dominican"], "HT": ["Haitian"],
    "FJ": ["Fijian"], "PG": ["Papua New Guinean"], "AF": ["Afghan"], "MV": ["Maldivian"],
    "BT": ["Bhutanese"], "TL": ["Timorese"],
}

# One-kanji abbreviations, safe only inside compounds (日加外相会談, 英外務大臣).
ABBREVIATIONS = {
    "JP": ["日"], "US": ["米"], "GB": ["英"], "FR": ["仏"], "DE": ["独"], "IT": ["伊"],
    "CA": ["加"], "EU": ["欧"], "KR": ["韓"], "CN": ["中"], "RU": ["露"], "AU": ["豪"],
    "IN": ["印"], "ID": ["尼"], "BR": ["伯"], "MX": ["墨"], "ES": ["西"], "NL": ["蘭"],
    "TR": ["土"], "VN": ["越"], "TH": ["泰"], "PH": ["比"], "SG": ["星"], "UA": ["宇"],
    "NZ": ["NZ"], "ZA": ["南ア"], "AR": ["亜"], "SA": ["サ"], "PT": ["葡"], "BE": ["白"],
}


def main() -> int:
    ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    ent_rows: list[tuple[str, str, str, str, str]] = []
    en_rows: list[tuple[str, str]] = []
    ja_rows: list[tuple[str, str]] = []

    def add(rows, code, alias):
        alias = alias.strip()
        if alias and (code, alias) not in seen:
            seen.add((code, alias))
            rows.append((code, alias))

    seen: set[tuple[str, str]] = set()
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        name = CANONICAL.get(code) or getattr(c, "common_name", None) or c.name
        ent_rows.append((code, "country", name, "1" if code in G7 else "0", c.alpha_3))
        forms = [name] + EN_EXTRA.get(code, [])
        forms += [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        for f in forms:
            # "Korea, Republic of" style inversions are not how prose spells it
            if f and ", " in f and f not in EN_EXTRA.get(code, []) and code not in ("BQ", "SH"):
                continue
            add(en_rows, code, f)
        jforms = [ja.gettext(c.name)]
        if getattr(c, "official_name", None):
            jforms.append(ja.gettext(c.official_name))
        jforms += JA_EXTRA.get(code, [])
        for f in jforms:
            if "(" in f or "（" in f or f.startswith("中国領"):
                continue
            if f and not f.isascii() or f in ("UAE", "NZ"):
                add(ja_rows, code, f)
    ent_rows.append(("XK", "country", "Kosovo", "0", "XKX"))
    add(en_rows, "XK", "Kosovo")
    add(ja_rows, "XK", "コソボ")
    for code, typ, name, en_forms, ja_forms in ORGS:
        ent_rows.append((code, typ, name, "1" if code in G7 else "0", ""))
        for f in en_forms:
            add(en_rows, code, f)
        for f in ja_forms:
            add(ja_rows, code, f)
    for f in BLOCKED_EN:
        add(en_rows, "-", f)
    for f in BLOCKED_JA:
        add(ja_rows, "-", f)

    def write(path: Path, header: str, rows, note: str):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(f"# {note}\n# Generated by scripts/build_entities.py: edit the script, not this file.\n")
            fh.write(header + "\n")
            for r in rows:
                fh.write("\t".join(r) + "\n")

    write(DATA / "entities.tsv", "code\ttype\tname\tg7\talpha3", ent_rows,
          "Countries (ISO 3166-1 alpha-2), EU, organisations. g7=1 for the G7 members.")
    write(DATA / "en" / "entities.tsv", "code\talias", en_rows,
          "English aliases; code '-' blocks a form that contains an alias but is not it.")
    write(DATA / "ja" / "entities.tsv", "code\talias", ja_rows,
          "Japanese aliases; code '-' blocks a form that contains an alias but is not it.")
    dem = [(code, a) for code, forms in DEMONYMS.items() for a in forms]
    write(DATA / "en" / "demonyms.tsv", "code\tadjective", dem,
          "English adjectives of nationality.")
    abbr = [(code, a) for code, forms in ABBREVIATIONS.items() for a in forms]
    write(DATA / "ja" / "abbreviations.tsv", "code\tabbr", abbr,
          "Short Japanese country abbreviations, only safe inside compounds (日加, 英外務大臣).")
    print(f"{len(ent_rows)} entities, {len(en_rows)} en aliases, {len(ja_rows)} ja aliases,"
          f" {len(dem)} demonyms, {len(abbr)} abbreviations", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
