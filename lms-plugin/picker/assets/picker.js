// Progressive enhancement of the picker (it works without this file). It asks the teacher's browser extension, through
// the extension's script in this frame, for the cart of the unit the teacher came from, and preselects it. Answers are
// accepted only from this window and this origin: the LMS page around this frame cannot post them.
(() => {
  const form = document.getElementById('picker');
  if (!form) return;
  const origin = location.origin;
  const valid = /^[a-z0-9][a-z0-9._-]{0,79}$/;
  const chosen = () => [...form.querySelectorAll('input[name="resource_id"]:checked')].map((input) => input.value);

  form.addEventListener('submit', (event) => {
    const action = event.submitter ? event.submitter.value : '';
    if (action === 'submit') window.postMessage({ type: 'iste:inserting', ids: chosen() }, origin);
    if (action === 'cancel') window.postMessage({ type: 'iste:cancelled' }, origin);
  });
  if (form.dataset.bridged === '1') return;

  const ask = () => window.postMessage({ type: 'iste:cart-request' }, origin);
  const onMessage = (event) => {
    if (event.source !== window || event.origin !== origin || !event.data) return;
    // The extension's script may arrive after this one has asked: it announces itself, and we ask again.
    if (event.data.type === 'iste:bridge-ready') return ask();
    if (event.data.type !== 'iste:cart') return;
    removeEventListener('message', onMessage);
    const ids = Array.isArray(event.data.ids)
      ? event.data.ids.filter((id) => typeof id === 'string' && valid.test(id))
      : [];
    if (ids.length === 0) return;
    for (const id of ids) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'resource_id';
      input.value = id;
      form.append(input);
    }
    const flag = document.createElement('input');
    flag.type = 'hidden';
    flag.name = 'bridged';
    flag.value = '1';
    form.append(flag);
    form.action = '/lti/picker';
    form.submit();
  };
  addEventListener('message', onMessage);
  ask();
})();
