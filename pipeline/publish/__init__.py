"""Publishing: render reviewed drafts as seed-format HTML, JSON or Markdown, and export them."""
