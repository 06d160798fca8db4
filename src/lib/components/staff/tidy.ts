/** Text as the server stores it (NFC, trimmed), so a saved form does not look edited afterwards. */
export const tidy = (s: string) => s.normalize('NFC').trim();
