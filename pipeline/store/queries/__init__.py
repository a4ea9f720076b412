"""Named queries: every read of the store outside store/ goes through a function here.

One module per concern (articles, drafts, scores, raw records, review items, ...); each
function's name says what it returns. The import contract "Queries live in store/"
(pyproject.toml) keeps sqlalchemy out of every other package.
"""
