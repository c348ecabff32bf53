/** A reason someone typed, as a sentence: one full stop at the end, never "。。". */
export function asSentence(text: string): string {
  const t = text.trim();
  return !t || /[。！？!?.…]$/.test(t) ? t : `${t}。`;
}
