/**
 * Hybrid retrieval: Lucene BM25 with career-aware analysis plus sentence embeddings in Lucene
 * vector fields, fused into one calibrated score that also decides when the bot does not know.
 */
package dev.mentorbot.retrieval;
