/** Hands a file to the browser's download: a temporary object URL on a link that is clicked once. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next tick; a second keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file name from `Content-Disposition` (the RFC 5987 form first), or null. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) return decodeURIComponent(extended[1]!);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1]! : null;
}

/** A file name part without characters that file systems or shells dislike. */
export function safeFileName(parts: readonly (string | null | undefined)[], extension: string): string {
  const name = parts
    .filter((p): p is string => !!p)
    .join('_')
    .replace(/[^\w.-]+/g, '-');
  return `${name}.${extension}`;
}
