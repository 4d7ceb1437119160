// A real plan's text served as a government site serves it: the text's lines laid into one of two page
// templates seen on .gov.cn sites, with the chrome around them (scripts, site header and navigation, a
// form wrapping the page, share widgets, hidden injected text, footer). Tab-separated lines become a
// table, as the page's own table would have been.
//   - "cms": a current CMS page — UTF-8, <p> per paragraph, an ASP.NET form around everything.
//   - "layout-table": an older page — GB18030 with <meta charset=gb2312>, the page laid out in a table,
//     lines separated by <br> inside one cell, <font> tags, and source lines wrapped between characters
//     (a browser shows no space at a line break between two Chinese characters).
import iconv from "iconv-lite";

export type WebTemplate = "cms" | "layout-table";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Runs of spaces as an editor saves them: &nbsp; so a browser keeps them. */
const spaces = (s: string) => esc(s).replace(/ {2,}/g, (run) => "&nbsp;".repeat(run.length)).replace(/\u3000/g, "&#12288;");
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Break a long source line between two wide characters every `width` characters, as HTML editors do. */
function wrapSource(html: string, width: number): string {
  let out = "";
  let run = 0;
  for (let i = 0; i < html.length; i++) {
    out += html[i];
    run++;
    if (run >= width && WIDE.test(html[i]) && WIDE.test(html[i + 1] ?? "")) {
      out += "\n";
      run = 0;
    }
  }
  return out;
}

function blocks(text: string): { table: string[][] | null; line: string }[] {
  const out: { table: string[][] | null; line: string }[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.includes("\t")) {
      const last = out[out.length - 1];
      const cells = line.split("\t");
      if (last?.table) last.table.push(cells);
      else out.push({ table: [cells], line: "" });
    } else out.push({ table: null, line });
  }
  return out;
}

function table(rows: string[][]): string {
  return `<table border="1" cellspacing="0">${rows.map((r) => `<tr>${r.map((c) => `<td><p>${spaces(c)}</p></td>`).join("")}</tr>`).join("\n")}</table>`;
}

export function asWebPage(text: string, template: WebTemplate): { name: string; bytes: Uint8Array } {
  const parts = blocks(text);
  if (template === "cms") {
    const body = parts.map((b) => (b.table ? table(b.table) : b.line.trim() === "" ? "" : `<p style="text-indent:2em">${spaces(b.line)}</p>`)).join("\n");
    const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政务公开</title>
<script>var _hmt = _hmt || []; document.write("<p>访问统计</p>"); if (a < b && c > d) {}</script>
<style>.article > p { line-height: 2 }</style></head>
<body><form id="form1" method="post" action="./detail.aspx"><input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg==">
<header class="site-head"><div class="logo">人民政府门户网站</div><nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav></header>
<div class="tools"><button type="button">无障碍阅读</button><select><option>长者模式</option></select></div>
<!-- 正文开始 -->
<div class="article" id="zoom">
${body}
</div>
<!-- 正文结束 -->
<span style="display: none">澳门赌场在线开户送彩金</span>
<footer><p>主办单位：人民政府办公室　网站标识码：0000000000</p></footer>
</form><script src="/js/share.js"></script></body></html>`;
    return { name: "page.html", bytes: new TextEncoder().encode(html) };
  }
  const body = parts
    .map((b) => (b.table ? table(b.table) : b.line.trim() === "" ? "<br>" : `<font face="仿宋_GB2312" size="4">${wrapSource(spaces(b.line), 37)}</font><br>`))
    .join("\n");
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>政务公开</title>
<SCRIPT language=javascript>function doZoom(size){ document.getElementById('zoom').style.fontSize = size + 'px'; }</SCRIPT></head>
<body topmargin=0><table width="980" align="center" border="0" cellpadding="0" cellspacing="0">
<tr><td height="120" background="/images/top.jpg"></td></tr>
<tr><td><table width="100%"><tr><td class="nav"><a href="/">网站首页</a></td><td><a href="/zwgk/">政务公开</a></td></tr></table></td></tr>
<tr><td id="zoom" style="padding:20px">
${body}
</td></tr>
<tr><td align="center"><a href="javascript:window.print()">打印本页</a></td></tr>
</table></body></html>`;
  return { name: "page.htm", bytes: new Uint8Array(iconv.encode(html, "gb18030")) };
}
