#!/bin/sh
# One file of the site search's index (meta, or a shard of bigram posting lists), written for the whole
# corpus by loaders/site/search.ts (npm run prepare-site); this loader only copies it.
exec cat ".zwgk-cache/site/search-index/${1#--shard=}.json"
