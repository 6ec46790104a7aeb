// Open text of surveys and agency results: topic tagging from an editable keyword dictionary in
// both languages, word frequency, and the search pattern. Pure: no SQL.
//
// Tagging: an answer has a topic when it contains one of the topic's keywords (Chinese keywords
// as substrings; Latin keywords case-insensitively, as substrings too, so "fee" finds "fees").
// Answers are tagged when read, never stored tagged, so an edited dictionary applies at once to
// every answer.
//
// Word frequency: Chinese text has no spaces between words, so it is not split into words; the
// count is (1) of every dictionary keyword, the times it occurs in all the answers, and (2) of
// Latin words: maximal runs of ASCII letters and digits, lower-cased, of at least 2 characters,
// minus English stop words ("the", "and", ...), the times each occurs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "feedback/model.h"

namespace sqm::feedback {

struct Topic {
  std::string key;  // "attitude": a lower-case identifier
  Text label;
  std::vector<std::string> keywords;  // zh and en, as written
};

inline constexpr std::size_t kMaxTopics = 100;
inline constexpr std::size_t kMaxKeywords = 100;  // per topic
inline constexpr std::size_t kMaxKeywordChars = 40;

// The seeded dictionary: 态度 attitude, 速度 speed, 专业 expertise, 收费 fees, 环境 environment,
// 沟通 communication, 结果 outcome.
std::vector<Topic> DefaultTopics();
// Every problem at once: "topics[2].key" (an identifier, unique), "topics[0].label.zh",
// "topics[1].keywords[3]" (empty, too long, or repeated within the topic), "topics" (too many).
Status CheckTopics(const std::vector<Topic>& topics);

// The keys of the topics whose keywords `text` contains, in dictionary order.
std::vector<std::string> TopicsOf(const std::vector<Topic>& topics, std::string_view text);

struct WordCount {
  std::string word;
  std::int64_t count = 0;
  bool keyword = false;  // a dictionary keyword (else a Latin word)
};
// The words of `texts` by the method above, most frequent first (ties: alphabetical), at most `limit`.
std::vector<WordCount> WordFrequency(const std::vector<Topic>& topics, const std::vector<std::string>& texts,
                                     std::size_t limit);

}  // namespace sqm::feedback
