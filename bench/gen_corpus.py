#!/usr/bin/env python3
"""Generate a deterministic corpus of Markdown posts with YAML front matter.

The front matter is modelled on a real post (keys area .. title, PyYAML-style
output: sorted keys, block lists, '' for empty strings, quoted date). A
fraction of posts (--invalid-rate) carries one realistic defect; the ground
truth is written to <out>/manifest.tsv (path, defect, variant; '-' = valid).

    python3 bench/gen_corpus.py --count 10000 --out build-bench/c10k --seed 1
"""
import argparse
import os
import random
import re
import sys

AREAS = {  # area -> categories (the schema enums are the union)
    "tech-work": ["ai-ml", "software", "hardware", "internet"],
    "business-finance": ["investing", "startups", "economics", "management"],
    "society-culture": ["history", "politics", "philosophy", "media"],
    "life-growth": ["psychology", "health", "learning", "productivity"],
}
YEARS = range(2021, 2026)  # 5 years x 4 areas = 20 folders
STATUS = (["seedling", "budding", "evergreen", "archived"], [3, 3, 3, 1])
LAYOUT = (["post.njk", "note.njk", "page.njk"], [90, 8, 2])

PEOPLE = """Gwern Branwen|Sam Altman|Ray Kurzweil|Shane Legg|Ilya Sutskever|Jürgen Schmidhuber|
Kevin Roose|Jorge Luis Borges|David Foster Wallace|Gene Wolfe|Ted Chiang|Peter Watts|Tyler Cowen|
Jack Clark|Dario Amodei|Demis Hassabis|Andrej Karpathy|Yann LeCun|Geoffrey Hinton|李飞飞|吴恩达|
张一鸣|马化腾|雷军|王兴|任正非|刘慈欣|余华|许倬云|费孝通|钱钟书|王小波|Paul Graham|Naval Ravikant|
Charlie Munger|Warren Buffett|Ray Dalio|Nassim Taleb|Daniel Kahneman|Yuval Noah Harari|Jared Diamond|
Elon Musk|Jensen Huang|Lisa Su|Satya Nadella|Patrick Collison|Marc Andreessen|Ben Thompson|
Lex Fridman|Dwarkesh Patel|Tim Ferriss|Andrew Huberman|Peter Thiel|Reid Hoffman|Steve Jobs|
Richard Feynman|Claude Shannon|Alan Turing|John von Neumann|Scott Alexander|Samuel Butler|梁文锋|杨植麟"""
ORGS = """OpenAI|DeepMind|Anthropic|Wikipedia|Gawker|Google|Microsoft|Meta|Apple|NVIDIA|TSMC|字节跳动|
腾讯|阿里巴巴|华为|小米|美团|百度|DeepSeek|月之暗面|智谱AI|Stripe|Y Combinator|Berkshire Hathaway|
Bridgewater|a16z|Sequoia|红杉中国|MIT|Stanford|清华大学|北京大学|SpaceX|Tesla|比亚迪|宁德时代|AMD|
Intel|ASML|Samsung|Netflix|Amazon|Hugging Face|Mistral AI|美联储|世界银行"""
PRODUCTS = """GPT-4|GPT-1|GPT-2|GPT-3|AlphaZero|AlphaGo|AlphaFold|DanNet|AlexNet|BigGAN|Gato|Claude-3|
Gemini|Llama 3|DeepSeek-V3|Qwen2.5|Kimi|ChatGPT|Midjourney|Stable Diffusion|Sora|Copilot|Cursor|
iPhone|Vision Pro|H100|Blackwell|CUDA|TPU|Transformer|BERT|微信|抖音|TikTok|淘宝|拼多多|Notion|
Obsidian|Kindle|Starlink|Model 3|小米SU7|鸿蒙|Neopets|Silk Road"""
BOOKS = """《埃里温》|《海伯利安》|《失控》|《三体》|《人类简史》|《思考，快与慢》|《黑天鹅》|《原则》|
《穷查理宝典》|《从零到一》|《乔布斯传》|《枪炮、病菌与钢铁》|《乡土中国》|《万历十五年》|《活着》|
《围城》|《沉默的大多数》|《你一生的故事》|《盲视》|《巴别塔图书馆》|《哥德尔、艾舍尔、巴赫》|
《自私的基因》|《国富论》|《百年孤独》|《1984》|《美丽新世界》|《史记》|《道德经》|《芯片战争》|
《浪潮之巅》|《数学之美》|《置身事内》|《创新者的窘境》|《精益创业》|《深度工作》|《原子习惯》|
《纳瓦尔宝典》|《The Bitter Lesson》|《Attention Is All You Need》"""
TAGS = """llm|ai|agi|research|theory|anonymity|scaling|alignment|startup|investing|venture-capital|
macro|china|semiconductors|productivity|writing|reading|learning|psychology|health|sleep|history|
philosophy|education|career|management|leadership|open-source|robotics|ev|energy|geopolitics|
culture|media|podcast|interview|book-notes|decision-making|mental-models|creativity|economics|
policy|privacy|crypto|biology|neuroscience"""
PROJECTS = """ai-impact-analysis|reading-list-2024|china-tech-tracker|investing-notes|podcast-digest|
longevity-research|writing-practice|semiconductor-watch"""
SPEAKERS = "Dwarkesh Patel|Lex Fridman|Tim Ferriss|张小珺|罗永浩|李翔|Ben Thompson|Patrick O'Shaughnessy|Tyler Cowen"
SERIES = "AI访谈录|硅谷来信|读书笔记|投资札记|Dwarkesh Podcast 精选"
TOPICS = """AI预测|智能本质|独立研究生活|规模化定律|芯片战争|创业方法论|长期主义|价值投资|注意力经济|
开源模型|教育改革|城市化|人口结构|睡眠科学|写作习惯|知识管理|企业自动化|机器人|能源转型|地缘政治|
消费升级|出海|组织管理|心理韧性|匿名性的价值|强化学习|算力瓶颈|数据飞轮|平台垄断|个人品牌|复利思维"""
TERMS = "AI|LLM|AGI|RL|CEO|GPU|API|SaaS|IPO|GDP|RLHF|Scaling Law|Transformer|token|benchmark"
CLAUSES = """{p}分享了他对{t}的独到见解|包括对{t}趋势的早期预测|以及他关于{t}的图灵机搜索理论|
他深入探讨了{t}对{u}的影响|并揭示了{t}背后的激励结构|这意味着{u}的边界正在被重新定义|
从{o}的经验来看，{t}并不是一蹴而就的|很多人低估了{t}的长期价值|真正稀缺的是对{u}的判断力|
如果把{t}放在更长的时间尺度上看|{p}认为{u}会比预期来得更快|这与{o}早期的做法形成鲜明对比|
他还讨论了{t}与{u}之间微妙的张力|我们需要重新审视{t}的前提假设|所有的压力都指向自下而上的{u}|
这大概会形成一种新的范式|其结果往往取决于{u}的执行细节|正如{b}里描述的那样|
最终由人类负责愿景而由**{x}**负责执行|在各个方面都更有效率|人们至少需要读你一点点才能开始反驳你"""
URLS = ["https://www.youtube.com/watch?v={id}", "https://www.xiaoyuzhoufm.com/episode/{hex}",
        "https://mp.weixin.qq.com/s/{wx}", "https://arxiv.org/abs/24{n:02d}.{m:05d}",
        "https://www.dwarkeshpatel.com/p/{slug}", "https://podcasts.apple.com/podcast/id{m}{n}"]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def pool(s):
    return [x.strip() for x in s.replace("\n", "").split("|")]


PEOPLE, ORGS, PRODUCTS, BOOKS, TAGS, PROJECTS, SPEAKERS, SERIES, TOPICS, TERMS, CLAUSES = map(
    pool, [PEOPLE, ORGS, PRODUCTS, BOOKS, TAGS, PROJECTS, SPEAKERS, SERIES, TOPICS, TERMS, CLAUSES])

# --- YAML emission (PyYAML-like, one line per scalar) ---------------------
RESERVED = re.compile(r"^(~|null|true|false|yes|no|on|off|y|n|[-+.]?\d[\d_.:eE+-]*|\d{4}-\d\d?-\d\d?.*)$", re.I)


class Raw(str):
    """A scalar emitted verbatim (used to inject defects)."""


def scalar(v):
    if isinstance(v, Raw):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if (v == "" or v[0] in "-?:,[]{}#&*!|>'\"%@` " or v[-1] in ": " or ": " in v or " #" in v
            or RESERVED.match(v)):
        return "'" + v.replace("'", "''") + "'"
    return v


def render(fm):
    lines = []
    for k, v in fm:
        if isinstance(v, list):
            lines += [f"{k}:"] + [f"- {scalar(x)}" for x in v] if v else [f"{k}: []"]
        else:
            lines.append(f"{k}: {scalar(v)}")
    return lines


# --- content --------------------------------------------------------------
class Gen:
    def __init__(self, seed, body_bytes):
        self.r = random.Random(seed)
        self.body_bytes = body_bytes
        self.paras = [self.paragraph() for _ in range(400)]
        self.heads = [f"### {self.r.choice(TOPICS)}与{self.r.choice(TOPICS)}" for _ in range(100)]

    def clause(self):
        r = self.r
        return r.choice(CLAUSES).format(p=r.choice(PEOPLE), t=r.choice(TOPICS), u=r.choice(TOPICS),
                                        o=r.choice(ORGS), b=r.choice(BOOKS), x=r.choice(TERMS))

    def sentence(self):
        return "，".join(self.clause() for _ in range(self.r.randint(1, 3))) + "。"

    def text(self, lo, hi):  # lo..hi characters, cut at a clause boundary
        target, s = self.r.randint(lo, hi), ""
        while len(s) < target:
            s += self.sentence()
        while len(s) > hi:
            s = s[: max(s.rfind("，", 0, hi - 1), s.rfind("。", 0, hi - 1))] + "。"
        return s

    def paragraph(self):
        r = self.r
        kind = r.random()
        if kind < 0.1:
            return "\n".join(f"- **{r.choice(TERMS)}**：{self.sentence()}" for _ in range(r.randint(2, 5)))
        if kind < 0.15:
            return "> " + self.sentence()
        return "".join(self.sentence() for _ in range(r.randint(2, 8)))

    def body(self):
        r, parts, n = self.r, [], 0
        hr_at = r.randrange(self.body_bytes) if r.random() < 0.25 else -1  # thematic break '---'
        while n < self.body_bytes:
            p = r.choice(self.heads) if r.random() < 0.15 else r.choice(self.paras)
            if 0 <= hr_at < n:
                p, hr_at = "---", -1
            parts.append(p)
            n += len(p.encode()) + 2
        return "\n\n".join(parts) + "\n"

    def sample(self, items, lo, hi):
        k = min(len(items), int(lo + (hi - lo) * self.r.random() ** 2))  # skewed to short lists
        return self.r.sample(items, k)

    def front_matter(self, year, area):
        r = self.r
        people = self.sample(PEOPLE, 0, 16)
        p = people[0] if people else r.choice(PEOPLE)
        title = r.choice([
            f"{p}谈{r.choice(TOPICS)}、{r.choice(TOPICS)}与{r.choice(TOPICS)}",
            f"{r.choice(ORGS)}的{r.choice(TOPICS)}：{r.choice(TOPICS)}",
            f"{r.choice(BOOKS)}读书笔记：{r.choice(TOPICS)}",
            f"为什么{r.choice(TOPICS)}比{r.choice(TOPICS)}更重要",
            f"{p}: {r.choice(TERMS)} and {r.choice(TOPICS)}",
        ])
        u = dict(id="".join(r.choices(B64, k=11)), wx="".join(r.choices(B64, k=22)),
                 hex="%024x" % r.getrandbits(96), n=r.randint(1, 12), m=r.randint(1, 99999),
                 slug=r.choice(TAGS) + "-" + r.choice(TAGS))
        fm = {
            "area": area,
            "category": r.choice(AREAS[area]),
            "companies_orgs": self.sample(ORGS, 0, 16),
            "date": f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            "draft": r.random() < 0.2,
            "guest": r.choice(PEOPLE) if r.random() < 0.3 else "",
            "insight": self.text(20, 60) if r.random() < 0.3 else "",
            "layout": r.choices(*LAYOUT)[0],
            "media_books": self.sample(BOOKS, 0, 16),
            "people": people,
            "products_models": self.sample(PRODUCTS, 0, 16),
            "project": self.sample(PROJECTS, 0, 3),
            "series": r.choice(SERIES) if r.random() < 0.3 else "",
            "source": r.choice(URLS).format(**u),
            "speaker": r.choice(SPEAKERS) if r.random() < 0.7 else "",
            "status": r.choices(*STATUS)[0],
            "summary": self.text(100, 400),
            "tags": self.sample(TAGS, 1, 9),
            "title": title,
        }
        if r.random() < 0.08:
            del fm["source"]  # optional key
        return fm


# --- defects --------------------------------------------------------------
def bad_enum(g, fm, lines):
    key = g.r.choice(["status", "area"])
    fm[key] = g.r.choice({"status": ["published", "Evergreen", "wip"],
                          "area": ["tech", "Tech-Work", "lifestyle"]}[key])
    return key


def missing_title(g, fm, lines):
    del fm["title"]
    return "title"


def bad_date(g, fm, lines):
    y, m, d = fm["date"].split("-")
    v = g.r.choice(["slash", "dmy", "impossible", "unquoted"])
    fm["date"] = {"slash": f"{y}/{m}/{d}", "dmy": f"{d}.{m}.{y}", "impossible": f"{y}-02-30",
                  "unquoted": Raw(fm["date"])}[v]
    return v


def draft_string(g, fm, lines):
    v = g.r.choice(["quoted", "bare"])
    fm["draft"] = Raw('"yes"' if v == "quoted" else "yes")
    return v


def duplicate_key(g, fm, lines):
    key = g.r.choice(["title", "status"])
    lines.append(f"{key}: {scalar(fm[key])}")  # same key again at the end, valid value
    return key


def unknown_key(g, fm, lines):
    key = g.r.choice(["author", "updated", "lang", "cover_image", "description"])
    lines.append(f"{key}: {scalar({'updated': '2025-01-02', 'lang': 'zh-CN'}.get(key, fm['title']))}")
    return key


def malformed_yaml(g, fm, lines):
    v = g.r.choice(["unclosed-quote", "colon-in-plain", "bad-indent"])
    i = next(i for i, l in enumerate(lines) if l.startswith("title:" if v != "bad-indent" else "tags:"))
    if v == "unclosed-quote":
        lines[i] = 'title: "' + fm["title"].replace('"', "")
    elif v == "colon-in-plain":
        lines[i] = f"title: {fm['title'].split('：')[0]}: notes and thoughts"
    else:
        lines[i + 1:i + 1] = ["  - llm", "- research"]
    return v


def no_closing(g, fm, lines):
    return "-"  # the closing '---' is dropped in main()


DEFECTS = [bad_enum, missing_title, bad_date, draft_string, duplicate_key, unknown_key, malformed_yaml,
           no_closing]
PRE = {bad_enum, missing_title, bad_date, draft_string}  # act on the dict before rendering


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--body-bytes", type=int, default=8192)
    ap.add_argument("--invalid-rate", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if os.path.isdir(a.out) and os.listdir(a.out):
        sys.exit(f"{a.out} exists and is not empty")
    g = Gen(a.seed, a.body_bytes)
    dirs = [(y, ar) for y in YEARS for ar in AREAS]
    stats = {}
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "manifest.tsv"), "w") as man:
        for i in range(a.count):
            year, area = dirs[i % len(dirs)]
            fm = g.front_matter(year, area)
            defect = g.r.choice(DEFECTS) if g.r.random() < a.invalid_rate else None
            variant = defect(g, fm, None) if defect in PRE else "-"
            lines = render(fm.items())
            if defect and defect not in PRE:
                variant = defect(g, fm, lines)
            rel = f"{year}/{area}/{year}-{i:06d}-{'-'.join(fm['tags'][:2])}.md"
            body, closing = g.body(), ["---"]
            if defect is no_closing:
                closing, variant = [], "hr-in-body" if "\n---\n" in body else "eof"
            path = os.path.join(a.out, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(["---", *lines, *closing, "", body]))
            name = defect.__name__ if defect else "-"
            man.write(f"{rel}\t{name}\t{variant}\n")
            stats[name] = stats.get(name, 0) + 1
    print(f"wrote {a.count} posts to {a.out}; defects: "
          + ", ".join(f"{k}={v}" for k, v in sorted(stats.items()) if k != "-"), file=sys.stderr)


if __name__ == "__main__":
    main()
