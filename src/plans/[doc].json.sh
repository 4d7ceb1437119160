#!/bin/sh
# One plan's page data: structure, tasks, units, issues, gaps, workload. Computed for the whole corpus at once by loaders/site/pages.ts
# (npm run prepare-site); this loader only copies the page's file.
exec cat ".zwgk-cache/site/pages/plans/${1#--doc=}.json"
