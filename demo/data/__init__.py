"""The demo's data, as plain Python values, one module per kind of content.

Every agency, company, municipality, person and case here is invented; names carry the word
« fictif » and every summary says the case is fictional. Text that is translated sits under
"fr" and, for what is translated into English, "en"."""
