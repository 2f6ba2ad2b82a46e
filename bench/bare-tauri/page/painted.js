// Reports the first paint as Holdspace's UI does: two frames after the page is in place. The
// baseline has no generated bindings, so it calls Tauri's IPC directly.
requestAnimationFrame(() =>
  requestAnimationFrame(() => void window.__TAURI_INTERNALS__.invoke('first_screen_painted')),
);
