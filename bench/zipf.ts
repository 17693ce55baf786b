/** Draws ranks 0..n-1 with Zipf's law (rank r with weight 1/(r+1)^s): a few popular items asked for again and again, a long tail. */
export function zipf(n: number, s: number, next: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < n; rank++) cumulative.push((total += 1 / (rank + 1) ** s));
  return () => {
    const target = next() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}
