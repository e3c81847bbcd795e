/**
 * The file waiting for the import screen: chosen there, or dropped on the
 * window (Rust keeps its path and sends only a one-time handle and the
 * name as `kompis://file-dropped`).
 */
import type { FileChoice } from "./bindings/FileChoice";

export const FILE_DROPPED = "kompis://file-dropped";

export const intake = $state<{ dropped: FileChoice | null }>({ dropped: null });

/** Hands a dropped file to the import screen (which takes it once). */
export function fileDropped(file: FileChoice): void {
  intake.dropped = file;
}

/** The dropped file, once. */
export function takeDropped(): FileChoice | null {
  const file = intake.dropped;
  intake.dropped = null;
  return file;
}
