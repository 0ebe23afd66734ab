// wagtail-localize's translation editor writes two texts in English in its JavaScript bundle,
// without gettext: the heading "Suomi to Svenska translation" and the screen-reader label
// "More actions" of its actions menu. The server gives their translations in the editor's
// language (#kylatori-localize-texts, home.wagtail_hooks); this replaces exactly those texts
// whenever the editor (a React app) renders them. Loaded with defer: Wagtail writes its editor
// scripts in the page's head, before the editor's element.
(function () {
  const data = document.getElementById('kylatori-localize-texts');
  const editor = document.querySelector('.js-translation-editor');
  if (!data || !editor) return;
  const texts = JSON.parse(data.textContent);
  let props;
  try {
    props = JSON.parse(editor.dataset.props);
  } catch (error) {
    return;
  }
  const source = props.sourceLocale.displayName;
  const target = props.locale.displayName;
  const replacements = new Map([
    [`${source} to ${target} translation`,
      texts.heading.replace('{source}', source).replace('{target}', target)],
    ['More actions', texts.moreActions],
  ]);
  // The editor renders parts of itself outside its element (its header and menus), so the
  // whole page is watched; only what a change added is read.
  function translate(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      const replacement = replacements.get(root.data.trim());
      // Written only when it changes the text: the write is itself a mutation, and in an English
      // admin the replacement is the text, which would otherwise be written again for ever.
      if (replacement !== undefined && replacement !== root.data) root.data = replacement;
      return;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) translate(node);
  }
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') translate(mutation.target);
      for (const node of mutation.addedNodes) translate(node);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  translate(document.body);
})();
