// Photos of a site check not yet sent, kept on the device (IndexedDB) so that a reload or a closed
// tab on a bad connection loses none: one record per photo, by inspection and item, forgotten once
// the server has it or the user drops it. Where IndexedDB is missing (some private windows) the
// photos simply are not kept: every function then answers as if nothing was stored.

const DATABASE = 'sqm-photos';
const STORE = 'unsent';

export interface KeptPhoto {
  id: number;
  file: File;
}

interface Stored {
  id?: number;
  inspectionId: number;
  item: string;
  name: string;
  type: string;
  bytes: Blob;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
}

async function inStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

/** Keeps `file` for the item; its record id, or null when it could not be kept. */
export async function keepPhoto(inspectionId: number, item: string, file: File): Promise<number | null> {
  try {
    const record: Stored = { inspectionId, item, name: file.name, type: file.type, bytes: file };
    return Number(await inStore('readwrite', (store) => store.add(record)));
  } catch {
    return null;
  }
}

/** The photos kept for the item, oldest first. */
export async function keptPhotos(inspectionId: number, item: string): Promise<KeptPhoto[]> {
  try {
    const all = await inStore<Stored[]>('readonly', (store) => store.getAll());
    return all
      .filter((r) => r.inspectionId === inspectionId && r.item === item && r.id !== undefined)
      .map((r) => ({ id: r.id as number, file: new File([r.bytes], r.name, { type: r.type }) }));
  } catch {
    return [];
  }
}

/** Forgets a kept photo (sent, or dropped by the user). */
export async function forgetPhoto(id: number): Promise<void> {
  try {
    await inStore('readwrite', (store) => store.delete(id));
  } catch {
    // Nothing kept, nothing to forget.
  }
}
