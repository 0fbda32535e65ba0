#include "domain/place_names.h"

#include <gtest/gtest.h>

namespace tdkt::domain {

TEST(PlaceNames, ProvinceNamesInPlaceAndRunningText) {
    EXPECT_EQ(PlaceName("Tỉnh Hưng Yên"), "Hưng Yên");
    EXPECT_EQ(PlaceName("Thành phố Hà Nội"), "Hà Nội");
    EXPECT_EQ(PlaceName("Sở Y tế"), "Sở Y tế");
    EXPECT_EQ(InRunningText("Tỉnh Hưng Yên"), "tỉnh Hưng Yên");
    EXPECT_EQ(InRunningText("Thành phố Hà Nội"), "thành phố Hà Nội");
    EXPECT_EQ(InRunningText("Xã Vũ Thư"), "Xã Vũ Thư");
}

}  // namespace tdkt::domain
