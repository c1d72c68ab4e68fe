/**
 * Splits a total into `count` parts of whole minor units that add up to it exactly: every part
 * gets the floor of the share and the last part takes the remainder (100.00 / 3 is 33.33, 33.33
 * and 33.34). Fewer than one part, or a negative total, gives no parts.
 */
export function splitEvenly(totalMinor: number, count: number): number[] {
  if (!Number.isInteger(totalMinor) || !Number.isInteger(count) || count < 1 || totalMinor < 0)
    return [];
  const share = Math.floor(totalMinor / count);
  const parts = Array.from({ length: count }, () => share);
  parts[count - 1] = totalMinor - share * (count - 1);
  return parts;
}

/** What is still to be assigned to a part (negative when the parts exceed the total). */
export function leftToAssign(totalMinor: number, partsMinor: readonly (number | null)[]): number {
  return partsMinor.reduce<number>((left, part) => left - (part ?? 0), totalMinor);
}
