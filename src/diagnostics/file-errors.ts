/** A file-system error in words a user reads (`no such file or directory`), not an errno code. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  if (code === "ENOTDIR") return "a part of the path is a file, not a directory";
  if (code === "ENOSPC") return "no space left on the device";
  if (code !== undefined) return code;
  return error instanceof Error ? error.message : String(error);
}
