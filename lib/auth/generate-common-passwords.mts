#!/usr/bin/env -S npx tsx
/**
 * Writes lib/auth/common-passwords.txt: the passwords people pick most, lower-cased, one a line
 * (A5 6.2.4 wants a check against at least the top 3000). `npx tsx lib/auth/generate-common-passwords.mts`
 *
 * The base words are the well-known heads of the public breach-frequency lists (RockYou, the
 * NCSC "100k most common", yearly "worst passwords" lists), written out from memory; the
 * variants are the patterns those lists are full of (suffix digits/years/"!", capitalised
 * first letter is covered by lower-casing, keyboard walks, repeated and sequential digits), plus
 * the product's own name. With a 12-character minimum, the long variants are what matter.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BASE = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football monkey
letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777
121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew
tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle
jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese
amanda summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor matrix
mobilemail mom monitor monitoring montana moon moscow william martin 1q2w3e4r 1q2w3e4r5t 1q2w3e 1qazxsw2 zaq12wsx
zaq1zaq1 qwe123 qweasd qweasdzxc asdfghjkl asdf1234 asdfasdf welcome welcome1 admin admin123 administrator root toor
passw0rd p@ssw0rd p@ssword pa55word passwd password1 password12 password123 changeme letmein1 login guest default secret
hello hello123 hellokitty iloveu lovely loveme babygirl angel angels sweety flower rainbow butterfly purple orange banana
apple chocolate cookie sugar honey peanut pumpkin bubbles snoopy scooter pokemon naruto sasuke pikachu minecraft fortnite
roblox gaming gamer player killer1 warrior ninja samurai dragon1 dragons phoenix tiger lion eagle falcon wolf spider
spiderman ironman captain avengers marvel batman1 superman1 joker hulk thor loki matrix1 neo zion morpheus trinity
starwars1 jedi yoda vader skywalker hogwarts harrypotter potter hermione gandalf frodo legolas aragorn sauron
liverpool arsenal chelsea1 manchester manutd united barcelona realmadrid juventus milan bayern messi ronaldo neymar
football1 soccer1 baseball1 basketball hockey1 golf tennis jordan23 lakers bulls yankees1 cowboys steelers packers
patriots eagles1 redsox giants dodgers raiders broncos chicago boston london paris berlin madrid tokyo newyork
america canada mexico brazil india china africa kenya nairobi lagos nigeria ghana accra uganda kampala tanzania
zambia rwanda kigali senegal dakar cameroon mpesa safaricom airtel mtnmomo jesus jesus1 christ god godisgood blessed
faith hope grace heaven angel1 prayer church bible amen trinity1 family mother father mommy daddy baby sister brother
friend friends forever together always lovelove iloveyou1 iloveyou2 loveyou lovers sexy hottie beautiful pretty
princess1 queen king kingkong prince diamond crystal silver golden gold money money1 cash rich dollar bitcoin crypto
business office company manager welcome2 summer1 winter spring autumn january february march april may june july
august september october november december monday tuesday friday sunday weekend holiday vacation party
secret1 private mypass mypassword yourpass nopass nothing whatever anything something blahblah blabla test test1
test123 testing testtest tester demo demo123 sample example user user1 username guest1 temp temp123 temppass
qwerty1 qwerty12 qwerty123 qwertz azerty azerty123 asdfg zxcv 1qaz 2wsx 3edc qazwsxedc qazwsxedcrfv 1qaz2wsx3edc
1q2w3e4r5t6y 1q2w3e4r5t6y7u8i9o0p q1w2e3r4 q1w2e3r4t5 a1b2c3 a1b2c3d4 abc abcd abcde abcdef abcdefg abcdefgh
abcd1234 abc12345 aa123456 a123456 a12345 123abc 123qweasd 123asd 123456a 123456q 12qwaszx 1234qwer 1234abcd
147258369 147258 159357 258456 741852963 963852741 789456123 456789 987654 123654 147852 369258 741852 852963
112233445566 11223344 12341234 123123123 121212121212 123454321 1234554321 0123456789 9876543210 246810 13579
1111111111 0000000000 00000000 88888888 99999999 12121212 69696969 77777777 11111 22222 33333 44444 55555
aaaaaaaa qqqqqq zzzzzz xxxxxx abcabc asdasd qweqwe zxczxc asd123 qwe1234 zxc123 love123 angel123 sunshine1
shadow1 master1 monkey1 dragon123 michael1 jennifer1 jordan1 hunter2 hunter1 buster1 charlie1 tigger1 ginger1
pepper1 maggie1 chocolate1 computer1 internet website google facebook twitter instagram youtube whatsapp tiktok
netflix spotify amazon apple123 samsung iphone android windows microsoft linux ubuntu oracle mysql postgres server
database network security cyber hacker hacking anonymous matrix123 access14 trustme letmein123 openup opensesame
sesame magic wizard merlin mickey minnie disney donald goofy garfield scooby snoopy1 tweety bugsbunny
pussycat kitten kitty catdog doggy puppy doggie pepsi cocacola coffee tea beer whisky vodka tequila
marlboro camel ferrari porsche mercedes bmw audi toyota honda nissan mazda ford chevy corvette mustang1 harley1
yamaha suzuki kawasaki ducati jaguar lambo bentley rolls cadillac jeep tesla hunter12 1password 2password
kotani kotanipay kotani-pay kotanipay1 kotanipay123 backoffice dashboard integrator sandbox production
`;

const SUFFIXES = [
  "", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "!", "1!", "12!", "123!", "1234!", "!!",
  "@123", "#1", "01", "007", "69", "99", "00", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027",
  "@2024", "@2025", "@2026", "2024!", "2025!", "2026!", "123456789", "1234567890", "0", "11", "22", "13", "23",
];

const WALKS = [
  "qwertyuiop", "qwertyuiopasdfghjkl", "qwertyuiop[]", "asdfghjkl;", "zxcvbnm,./", "qwertyuiopasdfghjklzxcvbnm",
  "1qaz2wsx3edc4rfv", "1qaz2wsx3edc", "zaq12wsxcde3", "zaq1xsw2cde3", "!qaz@wsx#edc", "!qaz2wsx", "1qaz!qaz",
  "qazwsxedcrfvtgb", "qwerasdfzxcv", "qweasdzxc123", "1q2w3e4r5t6y7u", "q1w2e3r4t5y6", "a1s2d3f4g5h6",
  "mnbvcxz", "poiuytrewq", "lkjhgfdsa", "0987654321", "09876543211234567890", "abcdefghijkl", "abcdefghijklmnop",
  "abcdefghijklmnopqrstuvwxyz", "aaaaaaaaaaaa", "zzzzzzzzzzzz", "qqqqqqqqqqqq", "passwordpassword",
  "passwordpassword1", "123456789012", "1234567890123", "12345678901234", "123456123456", "123412341234",
  "123123123123", "111111111111", "000000000000", "999999999999", "121212121212", "112233445566", "098765432112",
  "qwerty123456", "qwertyqwerty", "asdfasdfasdf", "abc123abc123", "iloveyouiloveyou", "letmeinletmein",
  "welcomewelcome", "changemechangeme", "adminadminadmin", "administrator1", "administrator123", "p@ssw0rd123",
  "p@ssw0rd1234", "p@$$w0rd", "p@$$word", "pa$$word", "pa$$w0rd", "passw0rd123", "passw0rd1234", "password!@#",
  "password@123", "password#123", "password1234!", "qwerty!@#$", "!@#$%^&*", "!@#$%^&*()", "1234!@#$", "!@#123",
  "iloveyou123456", "iloveyoubaby", "iloveyousomuch", "iloveyouforever", "ilovemymom", "ilovemyfamily", "ilovejesus",
  "jesusloveme", "jesuschrist", "godisgreat", "godislove", "thankyoulord", "trustnoone", "letmein12345",
  "welcome12345", "welcome123456", "changeme123", "changeme1234", "secretpassword", "mysecretpassword",
  "supersecret", "supersecret123", "verysecure", "verysecure123", "securepassword", "strongpassword",
  "strongpassword123", "mypassword123", "mypassword1234", "newpassword", "newpassword123", "newpassword1234",
  "defaultpassword", "password12345678", "correcthorsebatterystaple", "thequickbrownfox", "helloworld",
  "helloworld123", "hellohello", "goodmorning", "goodnight", "happybirthday", "merrychristmas", "blink182",
  "metallica", "slipknot", "nirvana", "eminem", "50cent", "tupac", "beyonce", "rihanna", "justinbieber",
  "onedirection", "manchesterunited", "manchestercity", "liverpoolfc", "arsenalfc", "chelseafc", "realmadrid123",
  "barcelona123", "juventus123", "kotanipay2024", "kotanipay2025", "kotanipay2026", "kotanipay!", "kotanipay@123",
  "kotanibackoffice", "kotanipaybackoffice", "backoffice123", "backoffice2026", "dashboard123", "sandbox123",
  "demo-backoffice", "demobackoffice",
];

const LEET: Record<string, string> = { a: "@", o: "0", e: "3", i: "1", s: "$" };
const leet = (w: string) => w.replace(/[aoeis]/g, (c) => LEET[c]!);

const out = new Set<string>();
const words = BASE.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
for (const w of words) {
  for (const s of SUFFIXES) out.add(`${w}${s}`);
  if (/[aoeis]/.test(w) && w.length >= 5) for (const s of ["", "1", "123", "!", "2024", "2025", "2026"]) out.add(`${leet(w)}${s}`);
  if (w.length >= 4 && w.length <= 7 && /^[a-z]+$/.test(w)) out.add(`${w}${w}`);
}
for (const w of WALKS) out.add(w.toLowerCase());
for (let d = 0; d <= 9; d++) for (let n = 6; n <= 16; n++) out.add(String(d).repeat(n));
for (let n = 6; n <= 16; n++) {
  out.add(Array.from({ length: n }, (_, i) => String((i + 1) % 10)).join(""));
  out.add(Array.from({ length: n }, (_, i) => String((9 - i + 10) % 10)).join(""));
}

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "common-passwords.txt");
const list = [...out].filter((p) => p.length >= 4 && p.length <= 64);
writeFileSync(
  file,
  `# Common passwords (lower-cased), rejected by lib/auth/password-policy.ts. Generated by generate-common-passwords.mts.\n${list.join("\n")}\n`,
);
console.log(`${list.length} passwords, ${list.filter((p) => p.length >= 12).length} of 12+ characters → ${path.relative(process.cwd(), file)}`);
