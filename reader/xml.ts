/**
 * An XML 1.0 tokenizer for the parts of a workbook, with namespaces (XML Namespaces 1.0):
 * start and end tags with their attributes in either quote and any order, text with its
 * character and entity references decoded and its line ends normalised (CR LF and a lone CR
 * are LF, §2.11), CDATA sections, comments and processing instructions passed over, and
 * element names resolved to a namespace and a local name whatever prefix the writer chose.
 *
 * It refuses what is not well-formed (an end tag that does not match, an element never
 * closed, an unknown entity, a `<` in an attribute value) and any DOCTYPE: OOXML parts never
 * have one, and entity expansion needs one. It scans with indexOf, so broken text costs one
 * pass, never a search repeated from every position.
 *
 * Written by hand rather than with saxes: the same conformance at about three times the speed
 * on a 50,000-row sheet (docs/decisions.md, "The XML tokenizer").
 */

/** Text that is not well-formed XML: the part (and so the file) is damaged. */
export class XmlError extends Error {}

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A character reference's character. XML 1.0 allows no control character but tab, LF and CR
 * (§2.2); some writers put them in all the same (`&#x1b;`), and refusing the whole workbook
 * for one would help nobody: they are read, and every output shows them safely. A NUL or a
 * number past Unicode is refused.
 */
function charRef(code: number, ref: string): string {
  if (!(code >= 1 && code <= 0x10ffff)) throw new XmlError(`character reference &${ref}; is no character`);
  return String.fromCodePoint(code);
}

/** Character and entity references replaced (after the line ends are normalised). */
function decodeRefs(s: string): string {
  let out = '';
  let pos = 0;
  for (let amp = s.indexOf('&'); amp >= 0; amp = s.indexOf('&', pos)) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlError('an & that starts no reference');
    const ref = s.slice(amp + 1, semi);
    let rep: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120; /* x */
      const digits = ref.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new XmlError(`bad character reference &${ref};`);
      rep = charRef(parseInt(digits, hex ? 16 : 10), ref);
    } else rep = PREDEFINED[ref];
    if (rep === undefined) throw new XmlError(`unknown entity &${ref};`);
    out += s.slice(pos, amp) + rep;
    pos = semi + 1;
  }
  return out + s.slice(pos);
}

/** Character data as the application sees it (§2.11 line ends, then references). */
export function decodeText(raw: string): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return s.includes('&') ? decodeRefs(s) : s;
}

/** An attribute value as the application sees it (§3.3.3: literal white space is a space). */
function decodeAttribute(raw: string): string {
  // One pass to see whether anything needs doing (most values are short and plain).
  let special = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 60 /* < */) throw new XmlError('a < in an attribute value');
    if (c === 38 || c === 9 || c === 10 || c === 13) special = true;
  }
  if (!special) return raw;
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' ');
  return s.includes('&') ? decodeRefs(s) : s;
}

/** The start tag being reported: its name resolved, its attributes by qualified name. */
export interface StartTag {
  /** Namespace URI ('' for none). */
  ns: string;
  local: string;
  /** The name as written (`x:c`). */
  qname: string;
  /** `<x/>`: no content and no end tag will follow. */
  empty: boolean;
  /** An attribute's value by local name, in no namespace or in `ns` (for `r:id`, any prefix). */
  attr(local: string, ns?: string | ReadonlySet<string>): string | undefined;
  /** Every attribute as written, namespace declarations included, in document order. */
  attributes(): { qname: string; value: string }[];
}

export interface XmlHandler {
  open(tag: StartTag): void;
  close(ns: string, local: string): void;
  /** Character data (CDATA included), decoded; called only while `wantText()` says so. */
  text?(s: string): void;
  wantText?(): boolean;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
/** Characters that end a name in a tag. */
const endsName = (c: number) => isSpace(c) || c === 62 /* > */ || c === 47 /* / */ || c === 61; /* = */

interface Scope {
  /** Element depth at which these declarations were made. */
  depth: number;
  prefixes: Map<string, string>;
}

/**
 * Scan `xml` once, from its first character to its last, reporting elements and text to
 * `handler`. Throws XmlError when the text is not well-formed XML.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  const names: string[] = [];
  const scopes: Scope[] = [{ depth: 0, prefixes: new Map([['xml', XML_NS]]) }];
  let prefixes = scopes[0]!.prefixes;
  let defaultNs = '';
  const defaults: string[] = [];
  const attrNames: string[] = [];
  const attrValues: string[] = [];
  let attrCount = 0;
  const resolve = (prefix: string): string => {
    const uri = prefixes.get(prefix);
    if (uri === undefined) throw new XmlError(`namespace prefix ${prefix} is not declared`);
    return uri;
  };
  const tag: StartTag = {
    ns: '',
    local: '',
    qname: '',
    empty: false,
    attributes: () => Array.from({ length: attrCount }, (_, i) => ({ qname: attrNames[i]!, value: attrValues[i]! })),
    attr(local, ns) {
      if (ns === undefined) {
        // A name without a prefix: equal to `local` only when it has no colon either.
        for (let i = 0; i < attrCount; i++) if (attrNames[i] === local) return attrValues[i];
        return undefined;
      }
      for (let i = 0; i < attrCount; i++) {
        const q = attrNames[i]!;
        const colon = q.indexOf(':');
        if (colon < 0 || q.slice(colon + 1) !== local) continue;
        const uri = resolve(q.slice(0, colon));
        if (typeof ns === 'string' ? uri === ns : ns.has(uri)) return attrValues[i];
      }
      return undefined;
    },
  };
  const wantText = handler.wantText?.bind(handler);
  const text = handler.text?.bind(handler);
  let seenRoot = false;
  let pos = 0;
  const len = xml.length;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    const end = lt < 0 ? len : lt;
    if (end > pos) {
      if (names.length === 0) {
        // Outside the root only white space (and the byte-order mark) may stand.
        for (let i = pos; i < end; i++) {
          const c = xml.charCodeAt(i);
          if (!isSpace(c) && c !== 0xfeff) throw new XmlError('text outside the root element');
        }
      } else if (text && wantText?.()) {
        const raw = xml.slice(pos, end);
        if (raw.includes('>') && raw.includes(']]>')) throw new XmlError(']]> in text');
        text(decodeText(raw));
      }
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) throw new XmlError('an end tag never finished');
      const name = xml.slice(lt + 2, gt).trimEnd();
      const open = names.pop();
      if (open !== name) throw new XmlError(open === undefined ? `</${name}> with nothing open` : `</${name}> closes <${open}>`);
      const colon = name.indexOf(':');
      const ns = colon < 0 ? defaultNs : resolve(name.slice(0, colon));
      handler.close(ns, colon < 0 ? name : name.slice(colon + 1));
      const depth = names.length + 1;
      if (scopes.length > 1 && scopes[scopes.length - 1]!.depth === depth) {
        scopes.pop();
        prefixes = scopes[scopes.length - 1]!.prefixes;
      }
      defaultNs = defaults.pop() ?? '';
      pos = gt + 1;
      continue;
    }
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close < 0) throw new XmlError('a comment never closed');
        pos = close + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        if (names.length === 0) throw new XmlError('CDATA outside the root element');
        const close = xml.indexOf(']]>', lt + 9);
        if (close < 0) throw new XmlError('a CDATA section never closed');
        if (text && wantText?.()) {
          const raw = xml.slice(lt + 9, close);
          text(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
        }
        pos = close + 3;
      } else throw new XmlError(xml.startsWith('<!DOCTYPE', lt) ? 'a DOCTYPE (never in a workbook)' : 'markup declaration');
      continue;
    }
    if (next === 63 /* ? */) {
      const close = xml.indexOf('?>', lt + 2);
      if (close < 0) throw new XmlError('a processing instruction never closed');
      pos = close + 2;
      continue;
    }
    // A start tag: its name, then attributes until `>` or `/>`.
    if (seenRoot && names.length === 0) throw new XmlError('a second root element');
    let i = lt + 1;
    while (i < len && !endsName(xml.charCodeAt(i))) i++;
    const name = xml.slice(lt + 1, i);
    if (name === '') throw new XmlError('a < that starts no tag');
    attrCount = 0;
    let empty = false;
    for (;;) {
      while (i < len && isSpace(xml.charCodeAt(i))) i++;
      if (i >= len) throw new XmlError(`<${name}> never finished`);
      const c = xml.charCodeAt(i);
      if (c === 62 /* > */) {
        i++;
        break;
      }
      if (c === 47 /* / */) {
        if (xml.charCodeAt(i + 1) !== 62) throw new XmlError(`a / inside <${name}>`);
        empty = true;
        i += 2;
        break;
      }
      const nameStart = i;
      while (i < len && !endsName(xml.charCodeAt(i))) i++;
      const attrName = xml.slice(nameStart, i);
      while (i < len && isSpace(xml.charCodeAt(i))) i++;
      if (attrName === '' || xml.charCodeAt(i) !== 61 /* = */) throw new XmlError(`an attribute without a value in <${name}>`);
      i++;
      while (i < len && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw new XmlError(`an unquoted attribute in <${name}>`);
      const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0) throw new XmlError(`an attribute value never closed in <${name}>`);
      for (let k = 0; k < attrCount; k++) if (attrNames[k] === attrName) throw new XmlError(`attribute ${attrName} twice in <${name}>`);
      attrNames[attrCount] = attrName;
      attrValues[attrCount] = decodeAttribute(xml.slice(i + 1, close));
      attrCount++;
      i = close + 1;
      const after = xml.charCodeAt(i);
      if (i < len && !isSpace(after) && after !== 62 && after !== 47) throw new XmlError(`attributes run together in <${name}>`);
    }
    // Namespace declarations made here hold for this element and its content.
    const depth = names.length + 1;
    defaults.push(defaultNs);
    for (let k = 0; k < attrCount; k++) {
      const q = attrNames[k]!;
      if (q === 'xmlns') defaultNs = attrValues[k]!;
      else if (q.startsWith('xmlns:')) {
        if (scopes[scopes.length - 1]!.depth !== depth) {
          prefixes = new Map(prefixes);
          scopes.push({ depth, prefixes });
        }
        prefixes.set(q.slice(6), attrValues[k]!);
      }
    }
    const colon = name.indexOf(':');
    tag.ns = colon < 0 ? defaultNs : resolve(name.slice(0, colon));
    tag.local = colon < 0 ? name : name.slice(colon + 1);
    tag.qname = name;
    tag.empty = empty;
    seenRoot = true;
    if (empty) {
      handler.open(tag);
      handler.close(tag.ns, tag.local);
      if (scopes.length > 1 && scopes[scopes.length - 1]!.depth === depth) {
        scopes.pop();
        prefixes = scopes[scopes.length - 1]!.prefixes;
      }
      defaultNs = defaults.pop() ?? '';
    } else {
      names.push(name);
      handler.open(tag);
    }
    pos = i;
  }
  if (names.length > 0) throw new XmlError(`<${names[names.length - 1]}> never closed`);
  if (!seenRoot) throw new XmlError('no root element');
}

const DECODERS = new Map<string, InstanceType<typeof TextDecoder>>();

/** One decoder per encoding (making one costs more than decoding a small part). */
function decoder(encoding: string): InstanceType<typeof TextDecoder> {
  let d = DECODERS.get(encoding);
  if (!d) {
    d = new TextDecoder(encoding);
    if (DECODERS.size < 16) DECODERS.set(encoding, d);
  }
  return d;
}

/**
 * A part's bytes as text, its encoding found as XML 1.0 says (Appendix F): a byte-order mark,
 * else UTF-16 told by the bytes of `<?xml`, else the declaration's `encoding` (UTF-8 when it
 * names none, or one this runtime does not know). OOXML asks for UTF-8 or UTF-16; a part in
 * another encoding that says so is still read as it says.
 */
export function partText(bytes: Uint8Array): string {
  const decode = (encoding: string, from: number) => decoder(encoding).decode(bytes.subarray(from));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', 2);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', 3);
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return decode('utf-16le', 0);
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return decode('utf-16be', 0);
  if (bytes[0] === 0x3c && bytes[1] === 0x3f) {
    let end = 0;
    while (end < 200 && end < bytes.length && bytes[end] !== 0x3e) end++;
    const declared = /\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(String.fromCharCode(...bytes.subarray(0, end)))?.[1];
    if (declared && !/^utf-?8$/i.test(declared)) {
      try {
        return decode(declared, 0);
      } catch {
        // An encoding this runtime does not know: UTF-8, the standard's, below.
      }
    }
  }
  return decode('utf-8', 0);
}
