// Character-level difference between two wordings of one requirement: what one plan kept, added or
// dropped. Longest common subsequence on characters, after trimming the common prefix and suffix;
// beyond a size bound the middle is reported as one replacement rather than spending quadratic time.
export type DiffOp = "=" | "+" | "-";
export type DiffSegment = [DiffOp, string];

const MAX_CELLS = 1_000_000;

export function charDiff(a: string, b: string): DiffSegment[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffSegment[] = [];
  const push = (op: DiffOp, s: string) => {
    if (s === "") return;
    const last = out[out.length - 1];
    if (last && last[0] === op) last[1] += s;
    else out.push([op, s]);
  };
  push("=", a.slice(0, start));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length * y.length > MAX_CELLS) {
    push("-", x);
    push("+", y);
  } else {
    const n = x.length;
    const m = y.length;
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * (m + 1) + j] = x[i] === y[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) {
        push("=", x[i]);
        i++;
        j++;
      } else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) push("-", x[i++]);
      else push("+", y[j++]);
    }
    push("-", x.slice(i));
    push("+", y.slice(j));
  }
  push("=", a.slice(endA));
  return out;
}
