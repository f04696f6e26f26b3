export interface Download {
  name: string;
  /** The file's text, its byte order mark aside. */
  text: string;
}

/**
 * Catches the files the page hands the browser to save, around each test of the calling file: jsdom has no
 * object URLs and saves nothing. `downloads()` reads what was saved so far, oldest first.
 */
export function useDownloads(): () => Promise<Download[]> {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  let made = 0;
  beforeEach(() => {
    saved.length = 0;
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${made++}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = (url: string) => void blobs.delete(url);
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob) saved.push({ name: this.download, blob });
    });
  });
  afterEach(() => jest.restoreAllMocks());
  return () => Promise.all(saved.map(async ({ name, blob }) => ({ name, text: (await readText(blob)).replace(/^\ufeff/, '') })));
}

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('could not read the download'));
    reader.readAsText(blob);
  });
}
