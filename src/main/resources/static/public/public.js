// Shared by the citizens' pages (/public/*): JSON calls to /api/public that keep the server's field
// and message, and showing those messages next to their fields, as text only.
'use strict';

const Public = {
  /** POST JSON; a refusal is thrown as {field, message} from the server's answer. */
  async post(path, body) {
    const response = await fetch(path, {
      method: 'POST', credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw { field: data.field || '', message: data.message || ('请求失败（' + response.status + '）') };
    }
    return data;
  },

  /**
   * Submits the form's fields as JSON with {@code send(data)}: messages cleared first, the button
   * disabled meanwhile, a refusal shown under its field.
   */
  onSubmit(form, send) {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      Public.showErrors(null);
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        await send(Object.fromEntries(new FormData(form).entries()));
      } catch (failure) {
        Public.showErrors(failure);
      } finally {
        button.disabled = false;
      }
    });
  },

  /** Shows a refusal under its field (or at the bottom of the form); null clears every message. */
  showErrors(failure) {
    document.querySelectorAll('[data-error]').forEach(p => { p.textContent = ''; });
    document.querySelectorAll('.invalid').forEach(input => input.classList.remove('invalid'));
    if (!failure) return;
    const field = failure.field || '';
    const slot = document.querySelector('[data-error="' + CSS.escape(field) + '"]')
      || document.querySelector('[data-error=""]');
    slot.textContent = failure.message || String(failure);
    const input = field && document.getElementById(field);
    if (input) {
      input.classList.add('invalid');
      input.focus();
    }
  },
};
