// Package analysis holds pure functions over the leverage model: summaries,
// and (as they land) graph views, hubs, communities and leverage patterns.
// Nothing here reads files, talks to servers or prints.
package analysis
