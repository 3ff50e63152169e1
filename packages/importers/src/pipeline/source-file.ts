/** A file handed to an import: from the CLI (read from disk) or from an upload. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** The extension of a file name, lower case, without the dot. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The name without directory and extension, used to find shapefile sidecars (.dbf, .prj, .cpg). */
export function stemOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot < 0 ? base : base.slice(0, dot);
}

/** The file among `files` with the given stem and extension, if any. */
export function sidecar(files: SourceFile[], stem: string, extension: string): SourceFile | undefined {
  return files.find((f) => stemOf(f.name) === stem && extensionOf(f.name) === extension);
}
