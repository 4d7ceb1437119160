#!/bin/sh
# One recurring requirement's wordings, each diffed against the commonest. Computed for the whole corpus at once by loaders/site/pages.ts
# (npm run prepare-site); this loader only copies the page's file.
exec cat ".zwgk-cache/site/pages/requirements/${1#--req=}.json"
