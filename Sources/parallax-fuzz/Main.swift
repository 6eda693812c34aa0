import Foundation
import ParallaxCore

#if FUZZING
// libFuzzer build: scripts/fuzz builds this with -sanitize=fuzzer -DFUZZING and lld.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("parallax_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in
        guard let data else { return 0 }
        FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
#else
/// The seeded harness: mutates a seed corpus with a deterministic generator and runs each input
/// through `FuzzTarget`. `parallax-fuzz [--seconds N] [--runs N] [--seed N] [SEED_DIR…]`;
/// a crash stops the process (its input is written to `fuzz-crash-<n>.bin` first).
@main
struct FuzzHarness {
    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        var seconds = 10.0
        var runs = Int.max
        var seed: UInt64 = 0x5EED
        func take(_ flag: String) -> String? {
            guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
            let v = args[i + 1]
            args.removeSubrange(i...(i + 1))
            return v
        }
        if let s = take("--seconds").flatMap(Double.init) { seconds = s }
        if let r = take("--runs").flatMap(Int.init) { runs = r }
        if let s = take("--seed").flatMap(UInt64.init) { seed = s }
        var seeds = Seeds.builtIn
        for dir in args {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                if let d = FileManager.default.contents(atPath: dir + "/" + name) { seeds.append([UInt8](d)) }
            }
        }
        var rng = SplitMix64(seed: seed)
        let start = Date()
        // Every seed once as it is: kept crashers are regression tests.
        for s in seeds { FuzzTarget.run(s) }
        var n = seeds.count
        while n < runs && Date().timeIntervalSince(start) < seconds {
            let input = Mutator.mutate(seeds, rng: &rng)
            let crashFile = "fuzz-crash-\(seed).bin"
            // Written before the run so a trap leaves the input behind; removed after.
            do { _ = FileManager.default.createFile(atPath: crashFile, contents: Data(input)) }
            FuzzTarget.run(input)
            try? FileManager.default.removeItem(atPath: crashFile)
            n += 1
        }
        let elapsed = Date().timeIntervalSince(start)
        print("parallax-fuzz: \(n) executions in \(String(format: "%.1f", elapsed)) s, seed \(seed), \(seeds.count) seeds, no crash")
    }
}
#endif
