const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else can never name a row, so callers answer NOT_FOUND or BAD_USER_INPUT. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
