// Package analysis is the leverage domain's analysis: the layer views of a
// dataset (which relationships make which weighted graph), time windows,
// placeholders, leverage patterns, country profiles, summaries and the
// timeline. The graph metrics and community methods it runs on those views
// are in package network, which knows nothing of the domain. Nothing here
// reads files, talks to servers or prints.
package analysis
