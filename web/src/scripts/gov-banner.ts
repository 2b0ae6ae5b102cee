// The gov banner's "Here's how you know" toggle (USWDS's own script is not loaded: we ship no bundle).
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-gov-banner-button]')) {
  const content = document.getElementById(button.getAttribute('aria-controls') ?? '');
  const header = button.closest('[data-gov-banner-header]');
  if (!content || !header) continue;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    content.hidden = !open;
    header.classList.toggle('usa-banner__header--expanded', open);
  });
}
