import ParallaxCore
print("parallax")
