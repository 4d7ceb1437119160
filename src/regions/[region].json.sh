#!/bin/sh
# One region's plans and year-over-year changes (by GB/T 2260 code). Computed for the whole corpus at once by loaders/site/pages.ts
# (npm run prepare-site); this loader only copies the page's file.
exec cat ".zwgk-cache/site/pages/regions/${1#--region=}.json"
