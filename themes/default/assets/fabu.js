// fabu default theme: the live view count, font size and print. Pages work without it,
// except for the view count, which needs the server.
;(() => {
  const hits = document.querySelector('[data-hits]')
  if (hits?.dataset.hitsUrl) {
    const url = `${hits.dataset.hitsUrl}?id=${encodeURIComponent(hits.dataset.hits)}`
    fetch(url, { method: 'POST', credentials: 'omit', keepalive: true })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => {
        if (body && Number.isFinite(body.views)) hits.textContent = String(body.views)
      })
      .catch(() => {})
  }

  const body = document.querySelector('.article-body')
  for (const link of document.querySelectorAll('.font-size a')) {
    link.addEventListener('click', (event) => {
      event.preventDefault()
      body?.classList.remove('fs-l', 'fs-s')
      const size = link.getAttribute('href').slice(4)
      if (size !== 'm') body?.classList.add(`fs-${size}`)
    })
  }

  const close = document.querySelector('.close-link')
  if (close && window.opener) {
    close.addEventListener('click', (event) => {
      event.preventDefault()
      window.close()
    })
  }

  const printButton = document.querySelector('.print-button')
  if (printButton) {
    printButton.hidden = false
    printButton.addEventListener('click', () => window.print())
  }
})()
