/*
 * Translates fixed English texts that Camunda's webapps render without their locale files (form-js,
 * its date picker, Admin's permission names), where they appear: text and the placeholder, title
 * and aria-label attributes inside the given parts of the page, now and whenever they are redrawn.
 *
 * scopes: [{ selector, rules: [[RegExp, replacement], …] }], the first scope an element lies in
 * applies; a text no rule matches is left as it is.
 */
const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

export function translateTexts(scopes) {

  function rulesFor(element) {
    const scope = element && scopes.find((candidate) => element.closest(candidate.selector));
    return scope ? scope.rules : null;
  }

  function translated(text, rules) {
    const trimmed = text.trim();
    const rule = trimmed && rules.find(([pattern]) => pattern.test(trimmed));
    return rule ? text.replace(trimmed, trimmed.replace(rule[0], rule[1])) : null;
  }

  function translateText(node) {
    const rules = rulesFor(node.parentElement);
    const text = rules && translated(node.data, rules);
    if (text && text !== node.data) {
      node.data = text;
    }
  }

  function translateAttributes(element) {
    const rules = rulesFor(element);
    if (!rules) {
      return;
    }
    for (const attribute of ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      const text = value && translated(value, rules);
      if (text && text !== value) {
        element.setAttribute(attribute, text);
      }
    }
  }

  function translate(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateText(node);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      translateAttributes(node);
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let next = walker.nextNode(); next; next = walker.nextNode()) {
        if (next.nodeType === Node.TEXT_NODE) {
          translateText(next);
        } else {
          translateAttributes(next);
        }
      }
    }
  }

  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        record.addedNodes.forEach(translate);
      } else if (record.type === 'characterData') {
        translateText(record.target);
      } else {
        translateAttributes(record.target);
      }
    }
  }).observe(document.documentElement, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}
