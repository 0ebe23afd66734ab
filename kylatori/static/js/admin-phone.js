// On a phone the editor's side panel (status, preview, comments) covers the whole form, and
// Wagtail reopens the one last opened. Forget it before Wagtail reads it, so the form shows
// first and the panel opens only when asked. Wider screens keep Wagtail's behaviour.
(function () {
  if (window.matchMedia('(max-width: 50em)').matches) {
    try {
      window.localStorage.removeItem('wagtail:side-panel-open');
    } catch (error) {
      // Storage refused (private mode): nothing is remembered either.
    }
  }
})();
