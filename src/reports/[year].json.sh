#!/bin/sh
# One year's analytical summary. Computed for the whole corpus at once by loaders/site/pages.ts
# (npm run prepare-site); this loader only copies the page's file.
exec cat ".zwgk-cache/site/pages/reports/${1#--year=}.json"
