#include "app/app.h"

#include <gtest/gtest.h>

namespace tdkt::app {

TEST(TouchThrottle_Claim, OnePerSessionPerInterval) {
    TouchThrottle t;
    const std::chrono::milliseconds minute{60'000};
    EXPECT_TRUE(t.Claim("a", Timestamp{1'000}, minute));
    EXPECT_FALSE(t.Claim("a", Timestamp{1'001}, minute));  // in flight at the same moment
    EXPECT_TRUE(t.Claim("b", Timestamp{1'001}, minute));   // another session is independent
    EXPECT_FALSE(t.Claim("a", Timestamp{60'999}, minute));
    EXPECT_TRUE(t.Claim("a", Timestamp{61'000}, minute));  // due again
}

}  // namespace tdkt::app
