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

/** An attribute value as the application sees it (§3.3.3: literal white space is a space, then references). */
function decodeAttribute(raw: string): string {
  const s = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' ') : raw;
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

/**
 * What an ASCII character may be in a name (XML 1.0 §2.3): 2 start one (a letter, `_`), 1 only
 * continue one (a digit, `-`, `.`, and `:`, which Namespaces in XML never lets start one), 0 neither (`<`, `&`, a quote, white space…). A
 * character past ASCII is taken as a name character without looking it up: no part names an
 * element outside ASCII, and refusing one would refuse nothing a writer makes.
 */
const NAME_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  NAME_CLASS[c] = /[A-Za-z_]/.test(ch) ? 2 : /[0-9.:-]/.test(ch) ? 1 : 0;
}

/**
 * The end of the name that starts at `i`, or -1 when no name starts there. A name is a
 * qualified name (Namespaces in XML §3): at most one colon, between a prefix and a local part,
 * neither empty (a local part that starts with a digit, `-` or `.` is read, as saxes reads it).
 */
function nameEnd(xml: string, i: number, len: number): number {
  const first = xml.charCodeAt(i);
  if (!(first >= 128 || NAME_CLASS[first] === 2)) return -1;
  const start = i;
  let colon = -1;
  for (i++; i < len; i++) {
    const c = xml.charCodeAt(i);
    if (c < 128) {
      if (NAME_CLASS[c] === 0) break;
      if (c === 58 /* : */) {
        if (colon >= 0) throw new XmlError('a name with two colons');
        colon = i;
      }
    }
  }
  if (colon === i - 1) throw new XmlError('a name with nothing after its colon');
  nameColon = colon < 0 ? -1 : colon - start;
  return i;
}

/** Where the colon is in the name nameEnd last read (-1: none); read at once, before the next name. */
let nameColon = -1;

/** The first index at or after `from` that is not white space. */
function skipSpace(xml: string, from: number, len: number): number {
  let i = from;
  while (i < len && isSpace(xml.charCodeAt(i))) i++;
  return i;
}

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
  // The open elements: each one's name as written, namespace and local name (its end tag is
  // matched against the first and reported with the other two).
  const names: string[] = [];
  const openNs: string[] = [];
  const openLocal: string[] = [];
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
  /** The declarations made at `depth` go out of scope with its element. */
  const leave = (depth: number) => {
    if (scopes.length > 1 && scopes[scopes.length - 1]!.depth === depth) {
      scopes.pop();
      prefixes = scopes[scopes.length - 1]!.prefixes;
    }
    defaultNs = defaults.pop() ?? '';
  };
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
      const open = names.pop();
      if (open === undefined) throw new XmlError('an end tag with nothing open');
      // `</name` then white space and `>`.
      const after = lt + 2 + open.length;
      const gt = xml.startsWith(open, lt + 2) ? skipSpace(xml, after, len) : -1;
      if (gt < 0 || xml.charCodeAt(gt) !== 62 || (after < len && !isSpace(xml.charCodeAt(after)) && xml.charCodeAt(after) !== 62)) {
        const close = xml.indexOf('>', lt + 2);
        throw new XmlError(close < 0 ? 'an end tag never finished' : `</${xml.slice(lt + 2, close).trimEnd()}> closes <${open}>`);
      }
      handler.close(openNs.pop()!, openLocal.pop()!);
      leave(names.length + 1);
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
    let i = nameEnd(xml, lt + 1, len);
    if (i < 0) throw new XmlError('a < that starts no tag');
    const name = xml.slice(lt + 1, i);
    const colon = nameColon;
    attrCount = 0;
    let empty = false;
    for (;;) {
      const before = i;
      i = skipSpace(xml, i, len);
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
      if (i === before) throw new XmlError(`attributes run together in <${name}>`);
      const nameStart = i;
      i = nameEnd(xml, i, len);
      if (i < 0) throw new XmlError(`a character no name may hold in <${name}>`);
      const attrName = xml.slice(nameStart, i);
      i = skipSpace(xml, i, len);
      if (xml.charCodeAt(i) !== 61 /* = */) throw new XmlError(`an attribute without a value in <${name}>`);
      i = skipSpace(xml, i + 1, len);
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw new XmlError(`an unquoted attribute in <${name}>`);
      // The value, read once: where its quote closes it, and whether it holds anything to
      // decode (a reference, literal white space to normalise) or a `<`, which it never may.
      let close = i + 1;
      let plain = true;
      for (; close < len; close++) {
        const v = xml.charCodeAt(close);
        if (v === quote) break;
        if (v <= 60) {
          if (v === 60 /* < */) throw new XmlError('a < in an attribute value');
          if (v === 38 /* & */ || v === 9 || v === 10 || v === 13) plain = false;
        }
      }
      if (close >= len) throw new XmlError(`an attribute value never closed in <${name}>`);
      for (let k = 0; k < attrCount; k++) if (attrNames[k] === attrName) throw new XmlError(`attribute ${attrName} twice in <${name}>`);
      const raw = xml.slice(i + 1, close);
      attrNames[attrCount] = attrName;
      attrValues[attrCount] = plain ? raw : decodeAttribute(raw);
      attrCount++;
      i = close + 1;
    }
    // Namespace declarations made here hold for this element and its content.
    const depth = names.length + 1;
    defaults.push(defaultNs);
    for (let k = 0; k < attrCount; k++) {
      const q = attrNames[k]!;
      if (q.charCodeAt(0) !== 120 /* x */) continue;
      // A namespace name is a URI: white space around it is no part of it (as saxes reads it).
      if (q === 'xmlns') defaultNs = attrValues[k]!.trim();
      else if (q.startsWith('xmlns:')) {
        const uri = attrValues[k]!.trim();
        if (uri === '') throw new XmlError(`${q} declared empty (Namespaces in XML 1.0 has no undeclaring)`);
        if (scopes[scopes.length - 1]!.depth !== depth) {
          prefixes = new Map(prefixes);
          scopes.push({ depth, prefixes });
        }
        prefixes.set(q.slice(6), uri);
      }
    }
    tag.ns = colon < 0 ? defaultNs : resolve(name.slice(0, colon));
    tag.local = colon < 0 ? name : name.slice(colon + 1);
    tag.qname = name;
    tag.empty = empty;
    seenRoot = true;
    if (empty) {
      handler.open(tag);
      handler.close(tag.ns, tag.local);
      leave(depth);
    } else {
      names.push(name);
      openNs.push(tag.ns);
      openLocal.push(tag.local);
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
    const declared = /\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(decoder('latin1').decode(bytes.subarray(0, end)))?.[1];
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
