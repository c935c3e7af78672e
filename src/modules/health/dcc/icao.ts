/**
 * A name as the machine-readable zone writes it (ICAO 9303 part 3, section 6): upper-case A–Z,
 * the recommended transliterations of Latin letters with marks (Ä → AE, Ø → OE, ß → SS …), other
 * marks dropped, spaces and hyphens as "<", anything else left out. The DCC's `fnt`/`gnt`.
 */
const SPECIAL: Record<string, string> = {
  Ä: 'AE',
  Å: 'AA',
  Æ: 'AE',
  Ĳ: 'IJ',
  Ö: 'OE',
  Ø: 'OE',
  Œ: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ħ: 'H',
  Ł: 'L',
  Ŋ: 'N',
  Ŧ: 'T',
  ı: 'I',
}

export function icaoTransliterate(name: string, max = 80): string {
  let out = ''
  for (const raw of name.trim()) {
    const ch = raw === 'ß' ? raw : raw.toUpperCase()
    const special = SPECIAL[ch]
    if (special) out += special
    else if (/[A-Z]/.test(ch)) out += ch
    else if (ch === ' ' || ch === '-') out += '<'
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      if (/^[A-Z]$/.test(base)) out += base
    }
  }
  return out.replace(/<+/g, '<').replace(/^<|<$/g, '').slice(0, max)
}
