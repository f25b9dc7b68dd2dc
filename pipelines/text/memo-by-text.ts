/**
 * A function of a text, remembered for texts met again. Reports repeat sentences
 * (boilerplate, a sentence quoted in several places, the same paragraph in several
 * versions of a document), and several claims share one sentence, so the cue
 * matching of a sentence is done once. The memory is emptied when it holds `max`
 * texts, which bounds it on a large corpus of unique sentences.
 */
export function memoByText<T>(f: (text: string) => T, max = 50_000): (text: string) => T {
  let memo = new Map<string, T>();
  return (text: string): T => {
    let hit = memo.get(text);
    if (hit === undefined) {
      if (memo.size >= max) memo = new Map();
      hit = f(text);
      memo.set(text, hit);
    }
    return hit;
  };
}
