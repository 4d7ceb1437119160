#!/bin/sh
# One plan's normalised text, the text every span points into. Computed for the whole corpus at once by loaders/site/pages.ts
# (npm run prepare-site); this loader only copies the page's file.
exec cat ".zwgk-cache/site/pages/plans/${1#--doc=}.txt"
